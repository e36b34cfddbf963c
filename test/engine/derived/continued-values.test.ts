import { describe, expect, it } from 'vitest';
import { foundIn } from '../../helpers/detector.js';

const found = (text: string, path: string) => foundIn(text, path, { columns: true });

describe('values continued over lines', () => {
  it('joins a .properties continuation line to the value it continues', () => {
    expect(found('name=ledger\npayments.api.key={{hex:16}}\\\n    {{hex:16}}\nother=1', 'app.properties')).toEqual(['2:18 generic-api-key']);
  });

  it('reads a YAML block scalar of one line as the value of its key', () => {
    expect(found('payments:\n  api_key: |\n    {{hex:32}}\n  retries: 3', 'values.yaml')).toEqual(['3:5 generic-api-key']);
    expect(found('db:\n  password: >-\n    {{rand:20}}7', 'config.yml')).toEqual(['3:5 generic-password']);
  });

  it('is quiet on prose in a block scalar, and on continuation lines outside .properties', () => {
    expect(found('api_key: >\n  The key comes from the vault\n  and is rotated monthly.', 'values.yaml')).toEqual([]);
    expect(found('api.key={{hex:16}}\\\n    {{hex:16}}', 'notes.txt')).toEqual([]);
  });
});
