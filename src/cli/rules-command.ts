import { POLICIES } from '../context/policies.js';
import { createDetector } from '../scan/create-detector.js';
import { resolveConfig } from './resolve-config.js';
import { EXIT } from './usage-error.js';

/** `keyward rules`: the rules a run would use, with the config's settings applied. */
export async function runRulesCommand(options: { config?: string; json?: boolean }): Promise<number> {
  const { config } = await resolveConfig(options.config, process.cwd());
  const detector = await createDetector(config);
  const rows = [
    ...detector.rules
      .filter((rule) => rule.definition.report)
      .map((rule) => ({ id: rule.id, severity: rule.severity, vendor: rule.definition.vendor ?? '', keywords: rule.keywords })),
    ...POLICIES.filter((policy) => config.rules[policy.id] !== 'off').map((policy) => ({
      id: policy.id,
      severity: config.rules[policy.id] ?? policy.severity,
      vendor: '(context)',
      keywords: [] as string[],
    })),
  ];
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    process.stdout.write(`${row.id.padEnd(width)}  ${row.severity.padEnd(7)}  ${row.vendor.padEnd(22)}  ${row.keywords.join(', ')}\n`);
  }
  process.stdout.write(`${rows.length} rules\n`);
  return EXIT.clean;
}
