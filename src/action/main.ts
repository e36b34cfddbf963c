// Entry point of the GitHub Action (action.yml runs the bundle of this file, action/index.mjs).
import { runAction } from './run-action.js';

try {
  process.exitCode = await runAction(process.env, process.env.GITHUB_WORKSPACE ?? process.cwd(), (text) => process.stdout.write(text));
} catch (error) {
  // A workflow command: the failure shows on the run's page, on one line.
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stdout.write(`::error title=keyward::${message?.replace(/%/g, '%25')}\n`);
  process.exitCode = 2;
}
