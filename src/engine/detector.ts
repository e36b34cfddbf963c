import type { ContextClassifier } from '../context/classify.js';
import type { PackageSide } from '../context/package-side.js';
import { applyPolicies, type Policy } from '../context/policies.js';
import type { CompiledRule } from './compile-rule.js';
import { entropyOk } from './secret-checks.js';
import { fingerprintOf } from './fingerprint.js';
import { namingOf } from './issuer.js';
import { suppressionOf } from './inline-ignore.js';
import { LineIndex } from './line-index.js';
import { whyNotAKey } from './not-a-key.js';
import { VALIDATORS } from './validators.js';
import { KeywordPrefilter, type KeywordHit } from './prefilter.js';
import { WindowFinder } from './window-finder.js';
import { stretchesAroundHits } from './stretches.js';
import { redact } from './redact.js';
import { escapeControlInLine } from './control-characters.js';
import { redactLooseSecrets } from './snippet-redaction.js';
import type { Chunk, Finding, Location, Origin, Severity } from './types.js';
import { deriveTexts, derivationTriggers, nestedIn, VIEW_MARKERS, type MarkerHits } from './derived/derive.js';
import type { DerivedText } from './derived/derived-text.js';

/** How far around a keyword a rule's regex may look: keys and their keywords stand close together. */
const WINDOW = 1024;
/** How far past its keyword a multi-line rule may look: a 4096-bit PEM key is about 3.3 KB. */
const MULTILINE_WINDOW = 16 * 1024;
/** How much of a long line a snippet keeps on each side of the secret. */
const SNIPPET_CONTEXT = 60;

export interface Allowlist {
  /** Exact values that are never reported. */
  values: ReadonlySet<string>;
  /** Tests on the secret (users' patterns, compiled linear-time). */
  patterns: ReadonlyArray<(secret: string) => boolean>;
}

export interface DetectorOptions {
  rules: CompiledRule[];
  /** Keys printed in vendor documentation: known samples, not leaks. */
  samples: ReadonlySet<string>;
  allowlist?: Allowlist;
  /** Print secrets in clear in snippets and previews (the user's explicit choice). */
  showSecrets?: boolean;
  /** Honour other scanners' inline markers (gitleaks:allow, pragma: allowlist secret…); default true. */
  foreignIgnores?: boolean;
  /** Where a file stands (client, server, test…), and the rules that depend on it. */
  context?: {
    classifier: ContextClassifier;
    /** The side (browser, node) the nearest package.json gives a file, by the file's path as reported. */
    packageSide?: (path: string) => PackageSide | undefined;
    /** Whether a client file of its Next.js app imports the file (by its path as reported), so that it ships to the browser. */
    importedByClient?: (path: string) => boolean;
    policies: readonly Policy[];
    severityOf: (policy: Policy) => Severity | 'off';
  };
}

/** A rule's merged windows in a text, and the offsets of its hits (kept only for a rule with stop characters). */
interface RuleWindows {
  ranges: Array<[number, number]>;
  hitOffsets: number[];
}

interface Candidate {
  rule: CompiledRule;
  start: number;
  end: number;
  secretStart: number;
  secretEnd: number;
  secret: string;
  /** The view the match was read in, when it was not the file's own text (a folded concatenation, a decoded value). */
  view?: string;
}

/** A keyword hit in a text, and how many characters past it a rule may look (0: only to the end of its line). */
export interface KeywordReach {
  offset: number;
  reach: number;
  keyword: string;
  /** A quiet marker alone is no reason to read a line: it counts where a rule's keyword brought it. */
  passive?: boolean;
}

/**
 * What a finding knows of its key beyond the report: the raw secret, the rule that matched it (a context policy may
 * re-file the finding under another id), and the other half of a pair (the AWS key ID beside its secret). Kept out of
 * the finding object so that no reporter can serialise it by accident.
 */
export interface KeyFacts {
  secret: string;
  ruleId: string;
  pair?: string;
  /** The rule verifies only where the file names its vendor (`verify.evidence`), and this file does not. */
  noVendorEvidence?: true;
}

const keyFacts = new WeakMap<Finding, KeyFacts>();

export function secretOf(finding: Finding): string | undefined {
  return keyFacts.get(finding)?.secret;
}

export function keyFactsOf(finding: Finding): KeyFacts | undefined {
  return keyFacts.get(finding);
}

/** Gives a finding that crossed a thread boundary (a plain copy) its key facts back. */
export function registerKeyFacts(finding: Finding, facts: KeyFacts): void {
  keyFacts.set(finding, facts);
}

/** Where a finding stands: its chunk's origin (path, and the commit facts when there are some), line and columns. */
function locationIn(origin: Origin, line: number, column: number, endColumn: number): Location {
  return {
    path: origin.path,
    ...(origin.commit ? { commit: origin.commit } : {}),
    ...(origin.author ? { author: origin.author } : {}),
    ...(origin.date ? { date: origin.date } : {}),
    line,
    column,
    endColumn,
  };
}

/** The secret of the other half of a pair the rule verifies with (the nearest absorbed match of that rule). */
function pairOf(c: Candidate, absorbed: readonly Candidate[]): string | undefined {
  const pairRule = c.rule.definition.verify?.pairWith;
  if (!pairRule) return undefined;
  let nearest: Candidate | undefined;
  for (const other of absorbed) {
    if (other.rule.id !== pairRule) continue;
    if (!nearest || Math.abs(other.secretStart - c.secretStart) < Math.abs(nearest.secretStart - c.secretStart)) nearest = other;
  }
  return nearest?.secret;
}

/** A match read in a derived text, placed where what it was read from stands in the file. */
function mappedBack(c: Candidate, derived: DerivedText): Candidate {
  return {
    ...c,
    start: derived.sourceOffset(c.start, 'start'),
    end: derived.sourceOffset(c.end, 'end'),
    secretStart: derived.sourceOffset(c.secretStart, 'start'),
    secretEnd: derived.sourceOffset(c.secretEnd, 'end'),
    view: derived.view,
  };
}

/**
 * The view markers and the rule keywords among the keyword pass's hits, for the views. Markers are sorted out at
 * once (every view asks); rule-keyword offsets only when a view asks for them (few files hold escaped quotes).
 */
function markerHits(hits: readonly KeywordHit[], isRuleKeyword: (keyword: string) => boolean): MarkerHits {
  let offsets: Map<string, number[]> | undefined;
  for (const hit of hits) {
    if (!VIEW_MARKERS.has(hit.keyword)) continue;
    offsets ??= new Map();
    const list = offsets.get(hit.keyword);
    if (list) list.push(hit.offset);
    else offsets.set(hit.keyword, [hit.offset]);
  }
  let ruleOffsets: number[] | undefined;
  return {
    offsetsOf: (marker) => offsets?.get(marker) ?? [],
    offsetsOfAny(markers) {
      // A loop, not flatMap: flatMap made a history scan's views cost twice as much, for a few markers each time.
      const all: number[] = [];
      if (offsets) for (const marker of markers) for (const offset of offsets.get(marker) ?? []) all.push(offset);
      return all;
    },
    anyOf: (markers) => offsets !== undefined && markers.some((marker) => offsets!.has(marker)),
    ruleKeywordWithin(from, to) {
      ruleOffsets ??= hits.filter((hit) => isRuleKeyword(hit.keyword)).map((hit) => hit.offset);
      // Hits come sorted by offset: the first at or after `from` decides.
      let low = 0;
      let high = ruleOffsets.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (ruleOffsets[mid]! < from) low = mid + 1;
        else high = mid;
      }
      return low < ruleOffsets.length && ruleOffsets[low]! < to;
    },
  };
}

/** Whether the keyword pass can look for a quiet marker: it finds ASCII, one line at a time. */
function inKeywordPass(marker: string): boolean {
  return /^[\x00-\x09\x0b-\x7f]+$/.test(marker);
}

/** The rule engine: chunk in, findings out. Knows nothing of files or git. */
export class Detector {
  private readonly prefilter: KeywordPrefilter;
  private readonly rulesByKeyword = new Map<string, CompiledRule[]>();
  /** How far past a keyword hit a diff's lines must be read: multi-line rules' keywords, and the views' triggers. */
  private readonly reachOf = new Map<string, number>();
  /**
   * The markers that quiet a rule in a file (a SealedSecret's ciphertext), by their lower-case form: they join the
   * keyword pass, which the file's text gets anyway, instead of costing a search of the whole text each.
   */
  private readonly quietMarkers = new Map<string, string[]>();
  /** The quiet markers, as spelt, that the keyword pass finds (the others are looked for in the text). */
  private readonly markersInPass = new Set<string>();

  private readonly isRuleKeyword = (keyword: string) => this.rulesByKeyword.has(keyword);

  /** Rules judged on a binary file's name, not on text. */
  private readonly fileNameRules: CompiledRule[];

  constructor(private readonly options: DetectorOptions) {
    this.fileNameRules = options.rules.filter((rule) => rule.definition.fileName);
    for (const rule of options.rules) {
      if (rule.definition.fileName) continue;
      for (const keyword of rule.keywords) {
        const list = this.rulesByKeyword.get(keyword) ?? [];
        if (!list.includes(rule)) list.push(rule);
        this.rulesByKeyword.set(keyword, list);
        if (rule.definition.multiline) this.reachOf.set(keyword, MULTILINE_WINDOW);
      }
    }
    for (const [trigger, reach] of derivationTriggers()) this.reachOf.set(trigger, Math.max(this.reachOf.get(trigger) ?? 0, reach));
    for (const marker of new Set(options.rules.flatMap((rule) => rule.definition.quietInFilesWith))) {
      if (!inKeywordPass(marker)) continue;
      this.markersInPass.add(marker);
      const lower = marker.toLowerCase();
      this.quietMarkers.set(lower, [...(this.quietMarkers.get(lower) ?? []), marker]);
    }
    const keywords = [...this.rulesByKeyword.keys(), ...this.reachOf.keys(), ...this.quietMarkers.keys()];
    this.prefilter = new KeywordPrefilter(keywords);
  }

  get rules(): readonly CompiledRule[] {
    return this.options.rules;
  }

  /** The keywords the text pass looks for, in the automaton's order (file-name rules have none there). */
  get keywords(): readonly string[] {
    return this.prefilter.keywords;
  }

  /**
   * Where rule keywords stand in `text` (only in lines that start with `onlyLinesStartingWith`, when given), and how
   * far past each one its rules may look: callers may hand `detect` only the lines around them. `reach` is 0 for
   * rules that stay on the keyword's line, the multi-line window for rules whose key spans lines (PEM keys), and
   * what a view needs for its triggers (a concatenation that runs over the next lines). Every hit of the pass is
   * given, so that a caller can hand them to `detect` with the lines (`Chunk.hits`); a quiet marker's is `passive`.
   */
  keywordHits(text: string, onlyLinesStartingWith?: string): KeywordReach[] {
    return this.prefilter.hits(text, onlyLinesStartingWith).map(this.withReach);
  }

  /**
   * The keyword hits of any bytes (git's raw output, read before it is decoded), in every line, at byte offsets, as
   * the pass finds them: `withReach` gives the reach of those a caller keeps (a diff's added lines: half of them or
   * fewer). Undefined where WebAssembly is not available.
   */
  keywordHitsAtByteOffsets(bytes: Uint8Array): KeywordHit[] | undefined {
    return this.prefilter.hitsAtByteOffsets(bytes);
  }

  /** A hit with how far past it its rules may look, and whether it is a quiet marker's (see `keywordHits`). */
  readonly withReach = ({ keyword, offset }: KeywordHit): KeywordReach => {
    const reach = this.reachOf.get(keyword) ?? 0;
    const passive = !this.rulesByKeyword.has(keyword) && !this.reachOf.has(keyword);
    return passive ? { offset, reach, keyword, passive } : { offset, reach, keyword };
  };

  /**
   * The keyword hits of a text given as its UTF-8 bytes, for `Chunk.hits` (a file just read): the same as the pass
   * `detect` makes over the text, faster; undefined when the bytes cannot be read so (invalid UTF-8).
   */
  keywordHitsOfUtf8(bytes: Uint8Array): KeywordHit[] | undefined {
    return this.prefilter.hitsOfUtf8(bytes);
  }

  /** Whether a binary file's name is one a file-name rule reports (a key store): then it is worth reading. */
  namesKeyFile(path: string): boolean {
    return this.fileNameRules.some((rule) => this.fileNameMatch(rule, path) !== undefined);
  }

  /**
   * Findings for a binary file whose name says it holds keys (.p12, .jks, id_rsa…). `identity` is its content's
   * git blob id, so that the same file has the same fingerprint in the tree, a diff and history.
   */
  detectBinaryFile(origin: Origin, identity: string): Finding[] {
    const findings: Finding[] = [];
    for (const rule of this.fileNameRules) {
      const name = this.fileNameMatch(rule, origin.path);
      if (name === undefined) continue;
      const definition = rule.definition;
      const finding: Finding = {
        ruleId: rule.id,
        title: definition.title,
        severity: rule.severity,
        ...(definition.vendor ? { vendor: definition.vendor } : {}),
        ...(definition.keyType ? { keyType: definition.keyType } : {}),
        message: definition.title,
        remediation: definition.remediation,
        location: locationIn(origin, 1, 1, 1),
        snippet: escapeControlInLine(`binary file ${name}`),
        preview: escapeControlInLine(name),
        fingerprint: fingerprintOf(rule.id, identity),
      };
      keyFacts.set(finding, { secret: identity, ruleId: rule.id });
      findings.push(finding);
    }
    return findings;
  }

  private fileNameMatch(rule: CompiledRule, path: string): string | undefined {
    if (rule.appliesTo && !rule.appliesTo(path)) return undefined;
    for (const matcher of rule.matchers) {
      for (const m of matcher.matchAll(path)) return path.slice(m.secretStart, m.secretEnd);
    }
    return undefined;
  }

  detect(chunk: Chunk): Finding[] {
    const { text, origin } = chunk;
    const hits = chunk.hits ?? this.prefilter.hits(text);
    // Whether the file holds a marker that quiets a rule (a SealedSecret's ciphertext), looked up once per rule.
    const quiet = new Map<CompiledRule, boolean>();
    let markersHere: Set<string> | undefined;
    const holds = (marker: string) => (this.markersInPass.has(marker) ? (markersHere ??= this.quietMarkersAmong(text, hits)).has(marker) : text.includes(marker));
    const isQuietHere = (rule: CompiledRule) => {
      let found = quiet.get(rule);
      if (found === undefined) quiet.set(rule, (found = rule.definition.quietInFilesWith.some(holds)));
      return found;
    };
    const candidates = [...this.candidatesIn(text, hits, origin.path, isQuietHere), ...this.derivedCandidates(text, hits, origin.path, isQuietHere)];
    if (candidates.length === 0) return [];
    const { kept, absorbed } = this.resolveOverlaps(candidates);
    return this.toFindings(chunk, kept, absorbed);
  }

  /** The quiet markers a text holds, as they are spelt (the keyword pass finds them in any case). */
  private quietMarkersAmong(text: string, hits: readonly KeywordHit[]): Set<string> {
    const found = new Set<string>();
    for (const hit of hits) {
      for (const marker of this.quietMarkers.get(hit.keyword) ?? []) if (text.startsWith(marker, hit.offset)) found.add(marker);
    }
    return found;
  }

  /**
   * The matches in the file as a reader sees it — folded concatenations, decoded values, joined cells… — placed back
   * where their pieces stand in the file. What a notebook cell or a decoded file holds is read by the views once more.
   */
  private derivedCandidates(text: string, hits: readonly KeywordHit[], path: string, isQuietHere: (rule: CompiledRule) => boolean): Candidate[] {
    const candidates: Candidate[] = [];
    for (const { derived, holdsText } of deriveTexts(text, path, markerHits(hits, this.isRuleKeyword))) {
      const derivedHits = this.prefilter.hits(derived.text);
      for (const c of this.candidatesIn(derived.text, derivedHits, path, isQuietHere)) candidates.push(mappedBack(c, derived));
      if (!holdsText) continue;
      for (const nested of nestedIn(derived, deriveTexts(derived.text, path, markerHits(derivedHits, this.isRuleKeyword)))) {
        for (const c of this.candidatesIn(nested.text, this.prefilter.hits(nested.text), path, isQuietHere)) candidates.push(mappedBack(c, nested));
      }
    }
    return candidates;
  }

  /** The matches in `text` that pass the checks on the secret. */
  private candidatesIn(text: string, hits: readonly KeywordHit[], path: string, isQuietHere: (rule: CompiledRule) => boolean): Candidate[] {
    const windows = this.windowsAroundKeywords(text, hits, path, isQuietHere);
    if (windows.size === 0) return [];
    const candidates: Candidate[] = [];
    for (const [rule, { ranges, hitOffsets }] of windows) {
      const stretches = rule.stops ? stretchesAroundHits(text, ranges, hitOffsets, rule.stops) : ranges;
      for (const [from, to] of stretches) this.collect(rule, text, from, to, candidates);
    }
    return candidates.filter((c) => this.isKey(c));
  }

  /**
   * For each rule whose keyword occurs, the merged stretches of text around its hits; and, for a rule with stop
   * characters, where the hits are (see stretches.ts).
   */
  private windowsAroundKeywords(
    text: string,
    hits: readonly KeywordHit[],
    path: string,
    isQuietHere: (rule: CompiledRule) => boolean,
  ): Map<CompiledRule, RuleWindows> {
    const windows = new Map<CompiledRule, RuleWindows>();
    const finder = new WindowFinder(text, WINDOW);
    for (const hit of hits) {
      const rules = this.rulesByKeyword.get(hit.keyword);
      if (!rules) continue;
      const from = finder.startFor(hit.offset);
      const lineEnd = finder.endFor(hit.offset + hit.keyword.length);
      for (const rule of rules) {
        if (rule.appliesTo && !rule.appliesTo(path)) continue;
        if (rule.definition.quietInFilesWith.length && isQuietHere(rule)) continue;
        const to = rule.definition.multiline ? Math.min(text.length, hit.offset + MULTILINE_WINDOW) : lineEnd;
        let ofRule = windows.get(rule);
        if (!ofRule) windows.set(rule, (ofRule = { ranges: [], hitOffsets: [] }));
        const { ranges } = ofRule;
        const last = ranges[ranges.length - 1];
        if (last && from <= last[1]) last[1] = Math.max(last[1], to);
        else ranges.push([from, to]);
        if (rule.stops) ofRule.hitOffsets.push(hit.offset);
      }
    }
    return windows;
  }

  private collect(rule: CompiledRule, text: string, from: number, to: number, into: Candidate[]): void {
    const slice = text.slice(from, to);
    for (const matcher of rule.matchers) {
      for (const m of matcher.matchAll(slice)) {
        if (m.secretEnd <= m.secretStart) continue;
        into.push({
          rule,
          start: from + m.start,
          end: from + m.end,
          secretStart: from + m.secretStart,
          secretEnd: from + m.secretEnd,
          secret: slice.slice(m.secretStart, m.secretEnd),
        });
      }
    }
  }

  /** The filters of the pipeline that need only the secret: samples, placeholders, allowlist, entropy. */
  private isKey(candidate: Candidate): boolean {
    const { secret, rule } = candidate;
    const allow = this.options.allowlist;
    if (allow && (allow.values.has(secret) || allow.patterns.some((test) => test(secret)))) return false;
    if (!rule.definition.valueChecks) return true;
    if (this.options.samples.has(secret)) return false;
    if (whyNotAKey(secret)) return false;
    if (rule.placeholders.some((test) => test(secret))) return false;
    const validator = rule.definition.validate;
    if (validator && !VALIDATORS[validator](secret)) return false;
    return entropyOk(secret, rule.definition);
  }

  /**
   * One key is one finding, under the most specific rule: higher priority first, then the longer secret. Matches a
   * pair rule absorbs (the AWS key ID beside its secret) are no findings of their own, but are still redacted.
   */
  private resolveOverlaps(candidates: Candidate[]): { kept: Candidate[]; absorbed: Candidate[] } {
    const ordered = [...candidates].sort(
      (a, b) =>
        b.rule.definition.priority - a.rule.definition.priority ||
        b.secretEnd - b.secretStart - (a.secretEnd - a.secretStart) ||
        a.secretStart - b.secretStart,
    );
    const kept: Candidate[] = [];
    for (const c of ordered) {
      if (!kept.some((k) => c.secretStart < k.secretEnd && k.secretStart < c.secretEnd)) kept.push(c);
    }
    const absorbedIds = new Set(kept.flatMap((c) => c.rule.definition.absorbs));
    const byPosition = (a: Candidate, b: Candidate) => a.secretStart - b.secretStart;
    return {
      kept: kept.filter((c) => c.rule.definition.report && !absorbedIds.has(c.rule.id)).sort(byPosition),
      absorbed: kept.filter((c) => absorbedIds.has(c.rule.id)),
    };
  }

  private toFindings(chunk: Chunk, kept: Candidate[], absorbed: Candidate[]): Finding[] {
    if (kept.length === 0) return [];
    const index = new LineIndex(chunk.text);
    const findings: Finding[] = [];
    const context = this.options.context;
    // The nearest package.json and the app's imports are read from the working tree: not for a commit of history,
    // whose tree may differ.
    const inWorkTree = context && !chunk.origin.commit;
    const onDisk = chunk.origin.file ?? chunk.origin.path;
    const side = inWorkTree ? context.packageSide?.(onDisk) : undefined;
    const importedByClient = inWorkTree ? (context.importedByClient?.(onDisk) ?? false) : false;
    const labels = context?.classifier.classify(chunk.origin.projectPath ?? chunk.origin.path, chunk.lineNumbers ? undefined : chunk.text, side, importedByClient);
    const unsuppressed = this.withoutSuppressed(chunk, index, kept);
    let lowerText: string | undefined;
    const fileText = () => (lowerText ??= chunk.text.toLowerCase());
    for (const c of unsuppressed) {
      const lineIdx = index.lineIndexAt(c.secretStart);
      const lineText = index.lineText(lineIdx);
      const lineStart = index.lineStart(lineIdx);
      const line = chunk.lineNumbers?.[lineIdx] ?? lineIdx + 1;
      // A byte-order mark opens line 1 of some files: editors do not count it as a column.
      const bom = line === 1 && lineText.charCodeAt(0) === 0xfeff ? 1 : 0;
      const column = c.secretStart - lineStart + 1 - bom;
      // A match in a derived text spans what it was read from (the pieces of a concatenation, an encoded value).
      const width = c.view ? Math.max(1, Math.min(c.secretEnd, lineStart + lineText.length) - c.secretStart) : c.secret.length;
      const onLine = [...kept, ...absorbed].filter((k) => index.lineIndexAt(k.secretStart) === lineIdx).sort((a, b) => a.secretStart - b.secretStart);
      const definition = c.rule.definition;
      const naming = namingOf(definition, fileText);
      let finding: Finding = {
        ruleId: c.rule.id,
        title: naming.title,
        severity: c.rule.severity,
        ...(naming.vendor ? { vendor: naming.vendor } : {}),
        ...(definition.keyType ? { keyType: definition.keyType } : {}),
        ...(naming.envVar ? { envVar: naming.envVar } : {}),
        message: naming.title,
        remediation: naming.remediation,
        location: locationIn(chunk.origin, line, column, column + width),
        snippet: this.snippet(lineText, lineStart, c, onLine),
        preview: this.shown(c),
        fingerprint: fingerprintOf(c.rule.id, c.secret),
      };
      if (context && labels) {
        if (labels.size) finding.context = [...labels].sort();
        finding = applyPolicies(finding, labels, lineText, context.policies, context.severityOf);
        // A context rule is a finding of its own: a key baselined on the server is new again in a client component.
        if (finding.ruleId !== c.rule.id) finding.fingerprint = fingerprintOf(finding.ruleId, c.secret);
      }
      const pair = pairOf(c, absorbed);
      const evidence = definition.verify?.evidence;
      const noVendorEvidence = evidence && !evidence.some((word) => fileText().includes(word));
      keyFacts.set(finding, { secret: c.secret, ruleId: c.rule.id, ...(pair ? { pair } : {}), ...(noVendorEvidence ? { noVendorEvidence } : {}) });
      findings.push(finding);
    }
    return findings;
  }

  /**
   * The candidates no inline marker suppresses; and the `keyward-ignore` directives (of `unusedIgnore` rules) only
   * where they suppressed nothing, in a whole file (in a diff, what they cover may be on a line not shown).
   */
  private withoutSuppressed(chunk: Chunk, index: LineIndex, kept: Candidate[]): Candidate[] {
    const used = new Set<number>();
    const keys: Candidate[] = [];
    for (const c of kept) {
      if (c.rule.definition.unusedIgnore) continue;
      const lineIdx = index.lineIndexAt(c.secretStart);
      const previous = lineIdx > 0 ? index.lineText(lineIdx - 1) : undefined;
      const foreign = this.options.foreignIgnores ?? true;
      let suppression = suppressionOf(c.rule.id, index.lineText(lineIdx), previous, foreign);
      let suppressedOn = lineIdx;
      // A key folded from pieces over several lines may be marked on the line where its statement ends.
      const lastIdx = c.view ? index.lineIndexAt(Math.max(c.secretStart, c.secretEnd - 1)) : lineIdx;
      if (!suppression && lastIdx !== lineIdx) {
        suppression = suppressionOf(c.rule.id, index.lineText(lastIdx), undefined, foreign);
        suppressedOn = lastIdx;
      }
      if (!suppression) keys.push(c);
      else if (suppression.own) used.add(suppression.on === 'line' ? suppressedOn : suppressedOn - 1);
    }
    if (chunk.lineNumbers) return keys;
    const unused = kept.filter((c) => c.rule.definition.unusedIgnore && !used.has(index.lineIndexAt(c.secretStart)));
    return unused.length ? [...keys, ...unused].sort((a, b) => a.secretStart - b.secretStart) : keys;
  }

  /** How a match is shown: redacted, unless the user asked for secrets or the rule matches no secret at all. */
  private shown(c: Candidate): string {
    return this.options.showSecrets || !c.rule.definition.valueChecks ? c.secret : redact(c.secret);
  }

  /**
   * The line around the secret, with every secret found on it redacted (not just this finding's), and whatever else
   * on it looks like a credential too; control characters shown as escapes.
   */
  private snippet(line: string, lineStart: number, focus: Candidate, onLine: Candidate[]): string {
    const rest = (text: string) => (this.options.showSecrets ? text : redactLooseSecrets(text));
    let text = '';
    let cursor = 0;
    let focusAt = 0;
    for (const c of onLine) {
      const start = c.secretStart - lineStart;
      const end = Math.min(c.secretEnd - lineStart, line.length);
      if (start < cursor) continue;
      text += rest(line.slice(cursor, start));
      if (c === focus) focusAt = text.length;
      text += this.shown(c);
      cursor = end;
    }
    text += rest(line.slice(cursor));
    const from = Math.max(0, focusAt - SNIPPET_CONTEXT);
    const to = Math.min(text.length, focusAt + SNIPPET_CONTEXT * 2);
    return escapeControlInLine(`${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`);
  }
}
