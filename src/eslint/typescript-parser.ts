import { createRequire } from 'node:module';
import type { AST, Linter } from 'eslint';

const require = createRequire(import.meta.url);

export const MISSING_TYPESCRIPT_PARSER =
  'keyward/eslint reads TypeScript with @typescript-eslint/parser, which is not installed: run npm i -D @typescript-eslint/parser';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

/**
 * The parser the plugin's configs name: @typescript-eslint/parser from the user's project (an optional peer
 * dependency: the CLI never needs it, and ESLint users with TypeScript already have it). Without it, JavaScript and
 * JSX are parsed by ESLint's own espree, and a TypeScript file gets a parsing error that says what to install.
 */
export function typescriptParser(): Linter.Parser {
  try {
    return require('@typescript-eslint/parser') as Linter.Parser;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return espreeWithoutTypescript();
  }
}

function espreeWithoutTypescript(): Linter.Parser {
  // ESLint's own parser, found beside ESLint (a peer dependency: present wherever the plugin runs).
  const espree = createRequire(require.resolve('eslint'))('espree') as { parse(code: string, options: object): AST.Program };
  return {
    meta: { name: 'keyward/espree-without-typescript' },
    parse(code: string, options?: Linter.ParserOptions & { filePath?: string }) {
      if (TYPESCRIPT_FILE.test(options?.filePath ?? '')) throw new Error(MISSING_TYPESCRIPT_PARSER);
      return espree.parse(code, { ...options, range: true, loc: true, tokens: true, comment: true });
    },
  };
}
