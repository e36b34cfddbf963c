// The editor's case: how much keyward's ESLint rules add to linting a 5,000-line TSX file, measured with ESLint's
// own TIMING=all (per-rule times) and as the wall time of ESLint with and without the rules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keys } from './corpus.mjs';

export function benchEslint(root, work) {
  const dir = join(work, 'eslint');
  mkdirSync(dir, { recursive: true });
  const lines = ["'use client';", "import { useState } from 'react';", ''];
  for (let i = 0; lines.length < 5000; i++) {
    lines.push(
      `export function Row${i}({ item }: { item: { id: string; price: number } }) {`,
      `  const [open, setOpen] = useState(false);`,
      `  const total = item.price * ${i % 7 + 1};`,
      `  const url = \`https://api.example.com/v1/items/\${item.id}\`;`,
      `  if (open) console.log('row', item.id, total);`,
      `  return <div className="row" data-url={url} onClick={() => setOpen(!open)}>{total}</div>;`,
      `}`,
      '',
    );
    if (i % 100 === 50) lines.push(`const leaked${i} = "${keys.spLive()}";`);
  }
  writeFileSync(join(dir, 'Big.tsx'), `${lines.join('\n')}\n`);
  const plugin = join(root, 'dist/bundle/eslint.js');
  const parser = join(root, 'node_modules/@typescript-eslint/parser/dist/index.js');
  writeFileSync(
    join(dir, 'with-keyward.config.mjs'),
    `import keyward from ${JSON.stringify(plugin)};\nexport default [keyward.configs.recommended];\n`,
  );
  writeFileSync(
    join(dir, 'parser-only.config.mjs'),
    `import parser from ${JSON.stringify(parser)};\nexport default [{ files: ['**/*.tsx'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } }];\n`,
  );
  const eslint = join(root, 'node_modules/eslint/bin/eslint.js');
  const lint = (config, timing) => {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [eslint, '--no-config-lookup', '-c', config, '-f', 'json', 'Big.tsx'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...(timing ? { TIMING: 'all' } : {}) },
    });
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: run.stdout };
  };
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const timed = lint('with-keyward.config.mjs', true);
  // TIMING prints a table after the JSON: "Rule | Time (ms) | Relative".
  const ruleTimes = [...timed.stdout.matchAll(/^(keyward\/[\w-]+)\s*\|\s*([\d.]+)\s*\|/gm)].map((m) => [m[1], Number(m[2])]);
  const rulesMs = ruleTimes.reduce((sum, [, ms]) => sum + ms, 0);
  const findings = JSON.parse(timed.stdout.slice(0, timed.stdout.lastIndexOf(']') + 1))[0].messages.length;
  const withRules = median([1, 2, 3].map(() => lint('with-keyward.config.mjs', false).ms));
  const parserOnly = median([1, 2, 3].map(() => lint('parser-only.config.mjs', false).ms));
  return { lines: lines.length, ruleTimes, rulesMs, findings, withRules, parserOnly };
}
