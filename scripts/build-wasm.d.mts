/** The keyword-lanes module's bytes, assembled from src/engine/keyword-lanes.wat. */
export function assembleKeywordLanes(): Promise<Buffer>;
/** The TypeScript module that carries those bytes (src/engine/keyword-lanes-wasm.ts). */
export function keywordLanesModuleSource(wasm: Buffer): string;
