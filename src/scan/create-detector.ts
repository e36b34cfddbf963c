import { RE2JS } from 're2js';
import { compileRule, type CompiledRule } from '../engine/compile-rule.js';
import { Detector } from '../engine/detector.js';
import { loadBuiltinPacks, type LoadedPack } from '../engine/load-rules.js';
import type { Config } from '../config/schema.js';

let builtinCache: { packs: LoadedPack[]; rules: CompiledRule[] } | undefined;

/** The built-in packs, parsed and compiled once per process. */
export function builtinRules(): { packs: LoadedPack[]; rules: CompiledRule[] } {
  if (!builtinCache) {
    const packs = loadBuiltinPacks();
    const rules = packs.flatMap((pack) => pack.rules.map((rule) => compileRule(rule, 'native')));
    builtinCache = { packs, rules };
  }
  return builtinCache;
}

export function builtinRuleIds(): Set<string> {
  return new Set(builtinRules().rules.map((rule) => rule.id));
}

/** Built-in rules plus the config's custom rules, with the config's re-grading and switching-off applied. */
export function createDetector(config: Config, options: { showSecrets?: boolean } = {}): Detector {
  const { packs, rules: builtin } = builtinRules();
  const custom = config.customRules.map((rule) => compileRule(rule, 'linear'));
  const rules: CompiledRule[] = [];
  for (const rule of [...builtin, ...custom]) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    rules.push(setting ? { ...rule, severity: setting } : rule);
  }
  const patterns = config.allowlist.patterns.map((source) => {
    const regex = RE2JS.compile(source);
    return (secret: string) => regex.matcher(secret).find();
  });
  return new Detector({
    rules,
    samples: new Set(packs.flatMap((pack) => pack.samples)),
    allowlist: { values: new Set(config.allowlist.values), patterns },
    showSecrets: options.showSecrets,
  });
}
