import { createTwoFilesPatch } from 'diff';
import { relative } from 'node:path';
import { redactLooseSecrets } from '../engine/snippet-redaction.js';
import type { FileChange } from './apply-changes.js';

/**
 * What `keyward fix` will change, as one unified diff (git's a/ b/ names), with every key shown as its redacted
 * preview: the diff of a fix is all about keys, and it goes to a terminal or a CI log.
 */
export function unifiedDiff(changes: readonly FileChange[], root: string, redactions: ReadonlyMap<string, string>): string {
  let text = changes
    .map((change) => {
      const name = relative(root, change.path).split('\\').join('/');
      return createTwoFilesPatch(change.before === undefined ? '/dev/null' : `a/${name}`, `b/${name}`, change.before ?? '', change.after, undefined, undefined, { context: 2 })
        .split('\n')
        .filter((line) => !line.startsWith('====='))
        // The file's own lines (context and removed) may hold credentials no rule named: redacted like a snippet.
        .map((line) => (/^[ -](?!-- )/.test(line) ? `${line[0]}${redactLooseSecrets(line.slice(1))}` : line))
        .join('\n');
    })
    .join('');
  // Longest first: a key that contains another is replaced whole.
  for (const [secret, preview] of [...redactions].sort((a, b) => b[0].length - a[0].length)) text = text.split(secret).join(preview);
  return text;
}
