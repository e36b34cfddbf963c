import { createInterface } from 'node:readline/promises';

/** Asks a yes/no question on the terminal (stderr, so that stdout stays the report); only "y" or "yes" is yes. */
export async function confirmed(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}
