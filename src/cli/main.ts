#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { packageVersion } from '../package-root.js';
import { EXIT, UsageError } from './usage-error.js';

function buildProgram(): Command {
  const program = new Command('keyward')
    .description('Finds API keys where they must not be: working trees, git history, staged changes.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`keyward: ${text.replace(/^error: /, '')}`) });

  program
    .command('scan')
    .description('scan files and folders (default: the current folder); "-" reads standard input')
    .argument('[paths...]', 'files or folders to scan')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity (default: warning)').choices(['error', 'warning', 'info', 'never']))
    .option('-c, --config <file>', 'config file (default: .keyward.yml/.yaml/.json found upward from the first path)')
    .option('--max-file-size <size>', 'skip files larger than this (default 25MB)')
    .option('--show-secrets', 'print secrets in clear (they are redacted otherwise)')
    .option('--no-color', 'plain text output')
    .action(async (paths: string[], options) => {
      const { runScanCommand } = await import('./scan-command.js');
      process.exitCode = await runScanCommand(paths, options);
    });
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

/** Every failure is one line on stderr and exit code 2; a stack trace only with KEYWARD_DEBUG set. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
  }
  if (error instanceof ConfigError || error instanceof UsageError) {
    process.stderr.write(`keyward: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`keyward: unexpected error: ${message.split('\n')[0]}\n`);
    if (process.env.KEYWARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  return EXIT.usage;
}

await main();
