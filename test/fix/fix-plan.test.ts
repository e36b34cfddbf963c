import { describe, expect, it } from 'vitest';
import { planFixes } from '../../src/fix/fix-plan.js';
import { defaultDetector, detectIn } from '../helpers/detector.js';
import { key } from '../helpers/keys.js';

/** The plan for one file of the given text: its new text, and the keys' names. */
function fixed(path: string, text: string, existingEnv: Map<string, string> = new Map()) {
  const plan = planFixes(detectIn(text, path), defaultDetector.rules, { base: '/p', includeTests: false, existingEnv, readText: () => text });
  return { after: plan.edits.get(`/p/${path}`)?.after, names: plan.keys.map((k) => k.name), left: plan.leftAlone.map((l) => l.reason) };
}

describe('what keyward fix plans', () => {
  it('drops a key that is only the fallback of an env read, and keeps the name the code reads', () => {
    const secret = key.accelebitLive();
    expect(fixed('server/a.ts', `const k = process.env.PAY_KEY ?? '${secret}';\n`)).toMatchObject({ after: 'const k = process.env.PAY_KEY;\n', names: ['PAY_KEY'] });
    expect(fixed('server/a.py', `import os\nk = os.getenv("PAY_KEY", "${secret}")\n`)).toMatchObject({ after: 'import os\nk = os.getenv("PAY_KEY")\n', names: ['PAY_KEY'] });
  });

  it('keeps the rest of a string: a template literal takes the read in place, other quotes are joined', () => {
    const secret = key.accelebitLive();
    expect(fixed('server/a.js', 'const h = `Key ${a} ' + secret + '`;\n').after).toBe('const h = `Key ${a} ${process.env.ACCELEBIT_SECRET_KEY}`;\n');
    expect(fixed('server/a.rb', `h = "Key ${secret}!"\n`).after).toBe('h = ("Key " + ENV.fetch("ACCELEBIT_SECRET_KEY") + "!")\n');
    expect(fixed('server/a.php', `<?php\n$h = 'Key ${secret}';\n`).after).toBe(`<?php\n$h = ('Key ' . getenv('ACCELEBIT_SECRET_KEY'));\n`);
  });

  it('replaces every copy of the key in the file, under one name', () => {
    const secret = key.accelebitLive();
    const plan = fixed('server/a.js', `const a = "${secret}";\n// "${secret}"\nconst b = { k: '${secret}' };\n`);
    expect(plan.after).toBe('const a = process.env.ACCELEBIT_SECRET_KEY;\n// process.env.ACCELEBIT_SECRET_KEY\nconst b = { k: process.env.ACCELEBIT_SECRET_KEY };\n');
    expect(plan.names).toEqual(['ACCELEBIT_SECRET_KEY']);
  });

  it('reuses the name .env gives the same value, and never takes a name .env gives another', () => {
    const secret = key.accelebitLive();
    expect(fixed('server/a.js', `const a = "${secret}";\n`, new Map([['PAYMENTS', secret]])).after).toBe('const a = process.env.PAYMENTS;\n');
    expect(fixed('server/a.js', `const a = "${secret}";\n`, new Map([['ACCELEBIT_SECRET_KEY', 'other']])).after).toBe('const a = process.env.ACCELEBIT_SECRET_KEY_2;\n');
  });

  it('says why it leaves a key it cannot edit safely', () => {
    const secret = key.accelebitLive();
    expect(fixed('server/a.py', `k = f"{x}${secret}"\n`).left).toEqual(['the key is inside a formatted or multi-line string: replace it by hand with an environment read']);
  });
});
