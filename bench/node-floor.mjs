// The Node floor of a tree scan: walk the tree (one readdir with file types per folder), read every file and
// search it once with indexOf. No scanner can be faster than this in Node; `npm run bench` times keyward against it.
//   node bench/node-floor.mjs DIR   → prints {"files":N,"bytes":N}
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let files = 0;
let bytes = 0;
let found = 0;
const pending = [process.argv[2]];
for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pending.push(path);
    else if (entry.isFile()) {
      const content = readFileSync(path);
      files++;
      bytes += content.length;
      if (content.indexOf('sk_live_') !== -1) found++;
    }
  }
}
console.log(JSON.stringify({ files, bytes, found }));
