import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** GitLab's published secret-detection report schema (vendored: test/report/gitlab-schema/README.md). */
export const gitlabSchema = JSON.parse(readFileSync(join(import.meta.dirname, '../report/gitlab-schema/secret-detection-report-format.json'), 'utf8'));

// The schema puts keywords beside $ref and annotates with "examples": valid draft-07 that Ajv's strict mode refuses.
const validate = new Ajv({ strict: false, allErrors: true }).compile(gitlabSchema);

/** Fails the test, with Ajv's account of every error, unless GitLab would accept `report`. */
export function expectGitlabAccepts(report: unknown): void {
  expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
}
