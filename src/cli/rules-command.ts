import { POLICIES } from '../context/policies.js';
import { vendorChecksOf, vendorChecksText } from '../report/rules-catalogue.js';
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
      .map((rule) => ({
        id: rule.id,
        severity: rule.severity,
        vendor: rule.definition.vendor ?? '',
        keywords: rule.keywords,
        // A custom rule's verify block runs only with --verify-custom-rules; its revoke block never.
        ...vendorChecksOf(rule.definition),
      })),
    ...POLICIES.filter((policy) => config.rules[policy.id] !== 'off').map((policy) => ({
      id: policy.id,
      severity: config.rules[policy.id] ?? policy.severity,
      vendor: '(context)',
      keywords: [] as string[],
      verify: [] as string[],
    })),
  ];
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  const checksWidth = Math.max(...rows.map((row) => vendorChecksText(row).length));
  for (const row of rows) {
    const checks = vendorChecksText(row).padEnd(checksWidth);
    process.stdout.write(`${row.id.padEnd(width)}  ${row.severity.padEnd(7)}  ${row.vendor.padEnd(22)}  ${checks}  ${row.keywords.join(', ')}\n`);
  }
  const verifying = rows.filter((row) => row.verify.length).length;
  process.stdout.write(`${rows.length} rules; ${verifying} can verify keys with --verify, ${rows.filter((row) => 'revoke' in row).length} can revoke them (keyward revoke)\n`);
  return EXIT.clean;
}
