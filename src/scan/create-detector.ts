import { compileRule, type CompiledRule } from '../engine/compile-rule.js';
import { Detector } from '../engine/detector.js';
import { loadBuiltinPacks, type LoadedPack } from '../engine/load-rules.js';
import type { Config } from '../config/schema.js';
import { ContextClassifier } from '../context/classify.js';
import { POLICIES } from '../context/policies.js';
import { clientImportResolver } from '../context/client-imports.js';
import { manifestLookup } from '../context/nearest-manifest.js';
import { packageSideResolver } from '../context/package-side.js';
import { loadRe2js } from '../lazy-require.js';

export interface BuiltinRules {
  packs: LoadedPack[];
  rules: CompiledRule[];
}

let builtinCache: Promise<BuiltinRules> | undefined;

/** The built-in packs, loaded and compiled once per process. */
export function builtinRules(): Promise<BuiltinRules> {
  builtinCache ??= loadBuiltinPacks().then((packs) => ({
    packs,
    rules: packs.flatMap((pack) => pack.rules.map((rule) => compileRule(rule, 'native'))),
  }));
  return builtinCache;
}

/** Every id a config may switch off or re-grade: the rules of the packs, and the context policies. */
export async function builtinRuleIds(): Promise<Set<string>> {
  return new Set([...(await builtinRules()).rules.map((rule) => rule.id), ...POLICIES.map((policy) => policy.id)]);
}

export interface DetectorOptions {
  showSecrets?: boolean;
  /** Run only these rules (`--rules`); public-key rules always run, since they keep public keys quiet. */
  only?: readonly string[];
  /** Never run these (`--exclude-rules`). */
  exclude?: readonly string[];
}

/** Built-in rules plus the config's custom rules, with the config's re-grading and switching-off applied. */
export async function createDetector(config: Config, options: DetectorOptions = {}): Promise<Detector> {
  return detectorFrom(await builtinRules(), config, options);
}

/** The same, synchronous, once the built-in rules are loaded (the ESLint plugin's rules are synchronous). */
export function detectorFrom({ packs, rules: builtin }: BuiltinRules, config: Config, options: DetectorOptions = {}): Detector {
  const custom = config.customRules.map((rule) => compileRule(rule, 'linear'));
  const rules: CompiledRule[] = [];
  const only = options.only?.length ? new Set(options.only) : undefined;
  const exclude = new Set(options.exclude ?? []);
  for (const rule of [...builtin, ...custom]) {
    const setting = config.rules[rule.id];
    if (setting === 'off' || exclude.has(rule.id)) continue;
    if (only && !only.has(rule.id) && rule.definition.report) continue;
    rules.push(setting ? { ...rule, severity: setting } : rule);
  }
  const patterns = config.allowlist.patterns.map((source) => {
    const { RE2JS } = loadRe2js();
    const regex = RE2JS.compile(source);
    return (secret: string) => regex.matcher(secret).find();
  });
  // The nearest package.json of a file is read once for both questions asked of it (its side, its Next.js app).
  const manifests = manifestLookup();
  return new Detector({
    rules,
    samples: new Set(packs.flatMap((pack) => pack.samples)),
    allowlist: { values: new Set(config.allowlist.values), patterns },
    showSecrets: options.showSecrets,
    foreignIgnores: config.foreignIgnoreMarkers,
    context: {
      classifier: new ContextClassifier(config.context),
      packageSide: packageSideResolver(process.cwd(), manifests),
      importedByClient: clientImportResolver(process.cwd(), manifests),
      policies: POLICIES,
      severityOf: (policy) =>
        exclude.has(policy.id) || (only && !only.has(policy.id)) ? 'off' : (config.rules[policy.id] ?? policy.severity),
    },
  });
}
