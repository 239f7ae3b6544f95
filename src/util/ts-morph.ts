/**
 * The ts-morph values mdmodel uses, loaded with `require`: an ESM `import` of this
 * CommonJS package first scans its source for export names, and bypasses the code cache
 * (`code-cache.ts`); measured, loading took ~200 ms this way against ~350 ms. Types still
 * come from `import type … from "ts-morph"`.
 */
import { createRequire } from "node:module";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

export const { printStructure, StructureKind, VariableDeclarationKind, ts } = tsMorph;
