/**
 * The ts-morph values mdmodel uses. Loaded with `require` (an ESM `import` of this CommonJS
 * package first scans its 1 MB for export names), its three big files with the code cache
 * of `code-cache.ts`: measured in fresh processes, loading took 250-350 ms from source and
 * 160-180 ms cached. Types still come from `import type … from "ts-morph"`.
 */
import { createRequire } from "node:module";
import { preloadWithCodeCache } from "./code-cache.js";

const require = createRequire(import.meta.url);

function loadTsMorph(): typeof import("ts-morph") {
  const tsMorph = require.resolve("ts-morph");
  const common = createRequire(tsMorph).resolve("@ts-morph/common");
  // From the TypeScript sources (tests) modules load through tsx: no cache there.
  if (!import.meta.url.endsWith(".ts")) {
    for (const file of [createRequire(common).resolve("./typescript"), common, tsMorph]) preloadWithCodeCache(file);
  }
  return require("ts-morph") as typeof import("ts-morph");
}

export const { printStructure, StructureKind, VariableDeclarationKind, ts } = loadTsMorph();
