import type { Config } from './schema.js';

/**
 * The configuration when there is no config file: what the schema's defaults give, written out so that a run
 * without a config file never loads the YAML parser or the validator (a test keeps the two equal).
 */
export function defaultConfig(): Config {
  return { rules: {}, ignore: [], allowlist: { values: [], patterns: [] }, customRules: [], context: {}, foreignIgnoreMarkers: true };
}
