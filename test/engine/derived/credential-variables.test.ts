import { describe, expect, it } from 'vitest';
import { foundIn } from '../../helpers/detector.js';

const found = (text: string, path: string) => foundIn(text, path);

describe('a variable used as a credential', () => {
  it.each([
    ['server/reports.ts', 'const s = "{{hex:40}}";\n\nfetch(url, { headers: { Authorization: `Bearer ${s}` } });', '1 bearer-token'],
    ['reports.py', 'tok = "{{hex:40}}"\nrequests.get(url, headers={"X-API-Key": tok})', '1 smartretry-api-key-header'],
    ['main.go', 'cred := "{{hex:40}}"\nreq.Header.Set("Authorization", "Bearer "+cred)', '1 bearer-token'],
    ['client.py', 'pw = "{{rand:18}}9"\nrequests.get(url, auth=(user, pw))', '1 generic-password'],
  ])('in %s', (path, text, expected) => {
    expect(found(text, path)).toEqual([expected]);
  });

  it('is quiet where the variable holds no literal, or a placeholder', () => {
    expect(found('const s = process.env.REPORTS_TOKEN;\nfetch(url, { headers: { Authorization: `Bearer ${s}` } });', 'server/a.ts')).toEqual([]);
    expect(found('const s = "your-token-here";\nfetch(url, { headers: { Authorization: `Bearer ${s}` } });', 'server/a.ts')).toEqual([]);
    expect(found('const label = "{{hex:40}}";\nconsole.log(label);', 'server/a.ts')).toEqual([]);
  });
});
