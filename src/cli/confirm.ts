import { createInterface } from 'node:readline/promises';

/**
 * Asks a yes/no question on the terminal (stderr, so that stdout stays the report). "y" or "yes" is yes; an empty
 * answer is the default (no, unless `yesByDefault`).
 */
export async function confirmed(question: string, yesByDefault = false): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await prompt.question(question)).trim();
    return answer === '' ? yesByDefault : /^y(es)?$/i.test(answer);
  } finally {
    prompt.close();
  }
}
