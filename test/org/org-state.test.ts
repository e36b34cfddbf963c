import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeStates, readState, StateError, writeState, type OrgState } from '../../src/org/org-state.js';
import { tempTree } from '../helpers/temp-dir.js';

const entry = (scannedAt: string, tip: string) => ({ tips: { 'refs/heads/main': tip.repeat(40) }, rules: 'v1', durationMs: 5, fingerprints: [], scannedAt });

describe('the state file', () => {
  it("starts empty, round-trips, and keeps each repository's latest scan when shards are merged", () => {
    const dir = tempTree();
    const file = join(dir, 'state.json');
    expect(readState(file).repositories).toEqual({});
    const one: OrgState = { kind: 'keyward-state', version: 1, repositories: { a: entry('2024-01-02T00:00:00Z', 'a'), b: entry('2024-01-01T00:00:00Z', 'b') } };
    const two: OrgState = { kind: 'keyward-state', version: 1, repositories: { b: entry('2024-01-03T00:00:00Z', 'c') } };
    writeState(file, mergeStates([one, two]));
    expect(readState(file).repositories).toEqual({ a: one.repositories.a, b: two.repositories.b });
  });

  it('refuses a file that is not a state, naming it and what is wrong', () => {
    const dir = tempTree();
    writeFileSync(join(dir, 'bad.json'), '{"kind":"keyward-state","version":1,"repositories":{"a":{"tips":{"main":"zz"}}}}');
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => readState(join(dir, 'bad.json'))).toThrow(StateError);
    expect(() => readState(join(dir, 'bad.json'))).toThrow(/bad\.json: not a keyward state file \(repositories\.a\.tips\.main: /);
    expect(() => readState(join(dir, 'broken.json'))).toThrow(/broken\.json: not a keyward state file \(invalid JSON\)/);
  });
});
