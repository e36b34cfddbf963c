import { composed, type DerivedText } from './derived-text.js';
import { foldConcatenations } from './fold-concatenation.js';
import { joinNamesAndValues } from './name-value-pairs.js';
import { joinContinuedValues } from './continued-values.js';
import { unescapeStrings } from './escaped-strings.js';
import { decodeBase64Values } from './decoded-base64.js';
import { credentialVariables } from './credential-variables.js';
import { joinNotebookCells } from './notebook-cells.js';

/** What the keyword pass the detector makes anyway found in a text: where each marker stands, and where rules' keywords do. */
export interface MarkerHits {
  /** Where a marker (lower-case) occurs, in ascending order. */
  offsetsOf(marker: string): readonly number[];
  /** Where any of these markers occurs, marker after marker (a new array, the caller's to sort or extend). */
  offsetsOfAny(markers: readonly string[]): number[];
  /** Whether any of these markers occurs. */
  anyOf(markers: readonly string[]): boolean;
  /** Whether a rule keyword occurs between two offsets: a view whose text keeps the keywords as they were need not read stretches without one. */
  ruleKeywordWithin(from: number, to: number): boolean;
}

/**
 * A way of reading a file that a line regex does not have: each view finds the places where a reader would see a
 * value the file spells otherwise, and gives the detector that value as text. Views start from their markers'
 * offsets, found by the one keyword pass (an Aho-Corasick automaton) the detector makes over every text: a view
 * whose markers are absent costs nothing.
 */
export interface View {
  derive(text: string, path: string, hits: MarkerHits): DerivedText[];
  /** Lower-case strings where the view may apply; they join the rules' keywords in the one pass. */
  markers: readonly string[];
  /**
   * Whether the view may find a value in a text where none of its markers occurs (Python's adjacent literals, a
   * .properties file's continued lines): when not, it is not asked. Most texts hold no marker of most views, and a
   * view asked costs a few microseconds even then, which adds up over a history's hundreds of thousands of diffs.
   */
  readsWithoutMarkers(text: string, path: string): boolean;
  /**
   * The view yields text that is itself code or config (a notebook's unescaped source, a decoded .env file): the
   * views read it again, once, so that a key split inside it is folded too.
   */
  holdsText?: boolean;
  /**
   * How many characters past a marker the view may need in a diff, where the detector is handed only the added
   * lines around keyword hits (a concatenation's next lines, a plist value under its key).
   */
  reach: number;
}

const VIEWS: readonly View[] = [
  foldConcatenations,
  joinNamesAndValues,
  joinContinuedValues,
  unescapeStrings,
  joinNotebookCells,
  decodeBase64Values,
  credentialVariables,
];

/** The markers of every view. */
export const VIEW_MARKERS: ReadonlySet<string> = new Set(VIEWS.flatMap((view) => view.markers));

/** A derived text, and whether what it holds is text the views may read again (a notebook cell, a decoded file). */
export interface Derivation {
  derived: DerivedText;
  holdsText: boolean;
}

/** Every view's derived texts of a file (or of a diff's added lines, or of a derived text that holds text). */
export function deriveTexts(text: string, path: string, hits: MarkerHits): Derivation[] {
  const out: Derivation[] = [];
  for (const view of VIEWS) {
    if (!hits.anyOf(view.markers) && !view.readsWithoutMarkers(text, path)) continue;
    for (const derived of view.derive(text, path, hits)) out.push({ derived, holdsText: view.holdsText ?? false });
  }
  return out;
}

/** The derivations of a derived text, mapped through it to the file. */
export function nestedIn(outer: DerivedText, derivations: Derivation[]): DerivedText[] {
  return derivations.map(({ derived }) => composed(derived, outer));
}

/** The views' markers, with the reach each needs in a diff. */
export function derivationTriggers(): Map<string, number> {
  const triggers = new Map<string, number>();
  for (const view of VIEWS) for (const marker of view.markers) triggers.set(marker, Math.max(triggers.get(marker) ?? 0, view.reach));
  return triggers;
}
