// Types for corpus.mjs, which the tests import too.
export interface PlantedLeak {
  path: string;
  line: number;
  ruleId: string;
}
export interface CorpusFile {
  path: string;
  content: string;
  leaks: PlantedLeak[];
}
export function alnum(length: number): string;
export function hex(length: number): string;
export const keys: Record<'spLive' | 'spTest' | 'spPub' | 'abLive' | 'abTest' | 'abPub' | 'opaque', () => string>;
export function projectFiles(dir: string, leaky: boolean): CorpusFile[];
export function fillerText(bytes: number): string;
