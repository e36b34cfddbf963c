// Writes schemas/revoke-payload.schema.json from the payload's zod schema (src/sinks/revoke-payload.ts).
// A test fails when the committed file and the code disagree: run `npm run schemas` after changing the payload.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../dist/src/package-root.js';
import { revokePayloadSchema } from '../dist/src/sinks/revoke-payload.js';

const dir = join(packageRoot(), 'schemas');
mkdirSync(dir, { recursive: true });
const schema = { ...z.toJSONSchema(revokePayloadSchema), $id: 'https://keyward.dev/schemas/revoke-payload.schema.json', title: 'keyward revoke webhook payload' };
writeFileSync(join(dir, 'revoke-payload.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
console.log('wrote schemas/revoke-payload.schema.json');
