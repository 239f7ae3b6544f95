/** The three caches `generate()` fills and reuses, empty. */
import type { CachedRead } from "../../src/generate.js";

export function emptyCaches(): {
  readCache: Map<string, CachedRead>;
  moduleCache: Map<string, string>;
  formatCache: Map<string, string>;
} {
  return { readCache: new Map(), moduleCache: new Map(), formatCache: new Map() };
}
