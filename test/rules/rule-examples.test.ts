import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/scan/create-detector.js';
import { defaultDetector, detectIn } from '../helpers/detector.js';
import { expandTemplate, randomHex } from '../helpers/keys.js';

/**
 * Every rule proves itself on its own examples (gitleaks' habit): each `leaks` line gives exactly one finding,
 * under this rule; each `quiet` line gives no finding of this rule. Random key bodies are generated per run.
 */
const detector = defaultDetector;
const { packs } = await builtinRules();

describe.each(packs.map((pack) => [pack.file, pack] as const))('%s', (_file, pack) => {
  for (const rule of pack.rules) {
    describe(rule.id, () => {
      it('has examples', () => {
        expect(rule.examples.leaks.length + rule.examples.quiet.length).toBeGreaterThan(0);
        if (rule.report) expect(rule.examples.leaks.length).toBeGreaterThan(0);
      });
      // A file-name rule's examples are binary files: only their path is judged.
      const detectExample = (text: string, path: string) =>
        rule.fileName ? detector.detectBinaryFile({ path }, randomHex(40)) : detectIn(expandTemplate(text), path, detector);
      for (const example of rule.examples.leaks) {
        const { path, text } = typeof example === 'string' ? { path: 'src/example.txt', text: example } : example;
        it(`finds: ${text || path}`, () => {
          expect(detectExample(text, path).map((f) => f.ruleId)).toEqual([rule.id]);
        });
      }
      for (const example of rule.examples.quiet) {
        const { path, text } = typeof example === 'string' ? { path: 'src/example.txt', text: example } : example;
        it(`stays quiet on: ${text || path}`, () => {
          expect(detectExample(text, path).map((f) => f.ruleId)).not.toContain(rule.id);
        });
      }
    });
  }
});

describe('the rule packs', () => {
  it('give every rule a unique id', () => {
    const ids = packs.flatMap((pack) => pack.rules.map((rule) => rule.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('list the vendor documentation samples as samples, so none is reported', () => {
    const samples = packs.flatMap((pack) => pack.samples);
    for (const sample of ['sk_test_Ho1BrYTcg3gAX4vTKk1taz', 'pk_test_PCLEGPw9RrKIAlRcK504Bj', 'sk_live_abc123xyz789']) {
      expect(samples).toContain(sample);
      expect(detectIn(`key = "${sample}"`)).toEqual([]);
    }
  });
});
