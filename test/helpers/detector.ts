import { configSchema } from '../../src/config/schema.js';
import type { Detector } from '../../src/engine/detector.js';
import type { Finding } from '../../src/engine/types.js';
import { createDetector } from '../../src/scan/create-detector.js';

/** A detector with the built-in rules and the given config (data, as in .keyward.yml). */
export function detectorWith(config: unknown = {}, options: { showSecrets?: boolean } = {}): Detector {
  return createDetector(configSchema.parse(config), options);
}

export function detectIn(text: string, path = 'src/app.ts', detector = detectorWith()): Finding[] {
  return detector.detect({ origin: { path }, text });
}
