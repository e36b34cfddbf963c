import { createHash } from '../hash.js';
import type { Config } from '../config/schema.js';
import type { Detector } from '../engine/detector.js';

/**
 * The version of what decides findings: keyward's own version, every rule that runs (its definition and severity),
 * the allowlist and the context settings. A state recorded under another version is not trusted: the repository is
 * scanned again in full.
 */
export function rulesVersion(keywardVersion: string, detector: Detector, config: Config): string {
  const rules = detector.rules.map((rule) => ({ definition: rule.definition, severity: rule.severity }));
  const text = JSON.stringify({ keywardVersion, rules, allowlist: config.allowlist, context: config.context, ignores: config.foreignIgnoreMarkers });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
