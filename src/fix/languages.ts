/**
 * How each language reads an environment variable, and how it joins strings: what `keyward fix` writes in place of
 * a hard-coded key. Code languages get an expression; shell scripts and the config formats whose consumer expands
 * variables (docker compose, Spring, npm and Yarn) get `${NAME}` in place of the key.
 */
export interface CodeLanguage {
  kind: 'code';
  name: string;
  envRead: (name: string) => string;
  /** The string concatenation operator, for a key that is part of a longer literal. */
  join: string;
  /** Adds the import the env read needs, when the file lacks it. */
  withImport?: (text: string) => string;
  /** A template literal that can take the read in place (`${…}`, JS only). */
  templateQuote?: string;
}

export interface InterpolatingFormat {
  kind: 'interpolation';
  name: string;
  /** Whether quoting follows shell rules (single quotes do not expand). */
  shell: boolean;
}

export type FixTarget = CodeLanguage | InterpolatingFormat;

const JS: CodeLanguage = { kind: 'code', name: 'JavaScript/TypeScript', envRead: (n) => `process.env.${n}`, join: ' + ', templateQuote: '`' };
const PYTHON: CodeLanguage = { kind: 'code', name: 'Python', envRead: (n) => `os.environ["${n}"]`, join: ' + ', withImport: withPythonImport };
const GO: CodeLanguage = { kind: 'code', name: 'Go', envRead: (n) => `os.Getenv("${n}")`, join: ' + ', withImport: withGoImport };
const RUBY: CodeLanguage = { kind: 'code', name: 'Ruby', envRead: (n) => `ENV.fetch("${n}")`, join: ' + ' };
const PHP: CodeLanguage = { kind: 'code', name: 'PHP', envRead: (n) => `getenv('${n}')`, join: ' . ' };
const JAVA: CodeLanguage = { kind: 'code', name: 'Java/Kotlin', envRead: (n) => `System.getenv("${n}")`, join: ' + ' };

/** What `keyward fix` can edit in a file, by its name; undefined: a format it leaves alone (and explains why). */
export function fixTargetOf(path: string): FixTarget | undefined {
  const name = path.split('/').pop()!.toLowerCase();
  if (/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/.test(name)) return JS;
  if (/\.py$/.test(name)) return PYTHON;
  if (/\.go$/.test(name)) return GO;
  if (/\.rb$/.test(name)) return RUBY;
  if (/\.php$/.test(name)) return PHP;
  if (/\.(?:java|kt|kts)$/.test(name)) return JAVA;
  if (/\.(?:sh|bash|zsh)$/.test(name)) return { kind: 'interpolation', name: 'shell', shell: true };
  if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(name)) return { kind: 'interpolation', name: 'docker compose', shell: false };
  if (/^(?:application|bootstrap)(?:-[\w-]+)?\.(?:ya?ml|properties)$/.test(name)) return { kind: 'interpolation', name: 'Spring configuration', shell: false };
  // npm and Yarn expand ${NAME} in their config files (`_authToken=${NPM_TOKEN}` is npm's documented form).
  if (name === '.npmrc' || name === '.yarnrc.yml') return { kind: 'interpolation', name: 'npm/Yarn configuration', shell: false };
  return undefined;
}

/** `import os` before the first import, or else after the module's opening comments, docstring and __future__ imports. */
function withPythonImport(text: string): string {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b(?!\.)/m.test(text)) return text;
  const lines = text.split('\n');
  let at = 0;
  while (at < lines.length && /^#/.test(lines[at]!)) at++;
  const docstring = /^[rRuU]?("""|\'\'\')/.exec(lines[at] ?? '');
  if (docstring) {
    const closesSameLine = lines[at]!.indexOf(docstring[1]!, docstring[0].length) >= 0;
    if (!closesSameLine) while (++at < lines.length && !lines[at]!.includes(docstring[1]!));
    at++;
  }
  // A __future__ import must stay first.
  for (let i = at; i < lines.length; i++) if (/^from\s+__future__\s/.test(lines[i]!)) at = i + 1;
  const firstImport = lines.findIndex((line, i) => i >= at && /^(?:import|from)\s/.test(line));
  lines.splice(firstImport >= 0 ? firstImport : at, 0, 'import os');
  return lines.join('\n');
}

/** `"os"` in the import block, in gofmt's order; a single import becomes a block; none: one after the package clause. */
function withGoImport(text: string): string {
  if (/^import[ \t]+"os"[ \t]*$/m.test(text) || /^import \((?:[^)]*\n)?[ \t]*"os"[ \t]*$/m.test(text)) return text;
  const block = /^import \(\n((?:[^)]*\n)*?)\)/m.exec(text);
  if (block) {
    const specs = block[1]!.split('\n').filter(Boolean);
    // Before the first plain import path that sorts after "os" (gofmt sorts each group of the block).
    const at = specs.findIndex((line) => /^\s*"[^"]+"\s*$/.test(line) && line.trim() > '"os"');
    specs.splice(at < 0 ? specs.length : at, 0, '\t"os"');
    return `${text.slice(0, block.index)}import (\n${specs.join('\n')}\n)${text.slice(block.index + block[0].length)}`;
  }
  const single = /^import ("[^"\n]+")[ \t]*$/m.exec(text);
  if (single) {
    const specs = [single[1]!, '"os"'].sort();
    return `${text.slice(0, single.index)}import (\n${specs.map((spec) => `\t${spec}`).join('\n')}\n)${text.slice(single.index + single[0].length)}`;
  }
  const pkg = /^package \w+.*\n/m.exec(text);
  if (!pkg) return text;
  return `${text.slice(0, pkg.index + pkg[0].length)}\nimport "os"\n${text.slice(pkg.index + pkg[0].length)}`;
}
