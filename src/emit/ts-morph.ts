/**
 * The ts-morph values mdmodel uses. Loaded with `require` (an ESM `import` of this CommonJS
 * package first scans its 1 MB for export names), and on Node 20, which has no
 * `module.enableCompileCache()`, its three big files through the code cache of
 * `code-cache.ts` (the README's Speed section says what it saves). Types still come from
 * `import type … from "ts-morph"`.
 */
import module, { createRequire } from "node:module";
import { preloadWithCodeCache } from "../shared/code-cache.js";

const require = createRequire(import.meta.url);

function loadTsMorph(): typeof import("ts-morph") {
  const tsMorph = require.resolve("ts-morph");
  const common = createRequire(tsMorph).resolve("@ts-morph/common");
  // From the TypeScript sources (tests) modules load through tsx: no cache there. Node 22 caches by itself.
  if (!import.meta.url.endsWith(".ts") && !("enableCompileCache" in module)) {
    for (const file of [createRequire(common).resolve("./typescript"), common, tsMorph]) preloadWithCodeCache(file);
  }
  return require("ts-morph") as typeof import("ts-morph");
}

export const { printStructure, StructureKind, VariableDeclarationKind, ts } = loadTsMorph();
