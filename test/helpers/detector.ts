import { configSchema } from '../../src/config/schema.js';
import type { Detector } from '../../src/engine/detector.js';
import type { Finding } from '../../src/engine/types.js';
import { createDetector } from '../../src/scan/create-detector.js';
import { expandTemplate } from './keys.js';

/** A detector with the built-in rules and the given config (data, as in .keyward.yml). */
export function detectorWith(config: unknown = {}, options: { showSecrets?: boolean } = {}): Promise<Detector> {
  return createDetector(configSchema.parse(config), options);
}

/** The detector with the built-in rules and no config. */
export const defaultDetector = await detectorWith();

export function detectIn(text: string, path = 'src/app.ts', detector = defaultDetector): Finding[] {
  return detector.detect({ origin: { path }, text });
}

/** `line rule` (or `line:column rule`) of each finding in a text whose key templates are filled afresh. */
export function foundIn(template: string, path: string, options: { columns?: boolean } = {}): string[] {
  return detectIn(expandTemplate(template), path).map((f) => `${f.location.line}${options.columns ? `:${f.location.column}` : ''} ${f.ruleId}`);
}
