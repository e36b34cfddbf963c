/** keyward's programmatic API: the engine and the scan, as the CLI uses them. */
export { Detector, secretOf } from './engine/detector.js';
export type { Chunk, Finding, Location, Origin, Severity } from './engine/types.js';
export { compileRule } from './engine/compile-rule.js';
export { ruleSchema, rulePackSchema } from './engine/rule-schema.js';
export { loadConfig } from './config/load-config.js';
export { createDetector, builtinRules } from './scan/create-detector.js';
export { scanFiles } from './scan/scan-files.js';
export { FORMATS, loadReporter } from './report/index.js';
