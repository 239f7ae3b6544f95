/**
 * Tells which generator wrote a docs tree from the page shapes only its pages have. A tree
 * without any sign is read as Speakeasy's, the shape hand-written pages follow.
 */
import { FAMILIES, type Family } from "../shared/families.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { detectBySigns, type Clue, type Detection } from "./tree-signs.js";

const CLUES: ReadonlyArray<Clue<Family>> = [
  {
    kind: "speakeasy",
    pattern: /^\|\s*Field\s*\|\s*Type\s*\|\s*Required\s*\||^## Supported Types\s*$|:heavy_(?:check_mark|minus_sign):/,
  },
  {
    kind: "openapi-generator",
    pattern: /^\|?\s*Name\s*\|\s*Type\s*\|\s*Description\s*\|\s*Notes\s*\|?\s*$|^## Enum: \w+/,
  },
  {
    kind: "apimatic",
    pattern: /^## (?:Structure|Class Name|Enumeration|Cases)\s*$|^\|\s*Name\s*\|\s*Type\s*\|\s*Tags\s*\|/,
  },
  { kind: "liblab", pattern: /^\*\*Properties\*\*\s*$/ },
];

/** Lines a family shows itself on: headings, table rows (with or without outer pipes), bold labels. */
const FAMILY_LINE = /^(?:\||#|\*\*|Name\s*\|)/;

/** The family of a tree, or why none could be told (`none`: read it as Speakeasy's). */
export function detectFamily(docs: readonly SourceDoc[]): Detection<Family> {
  // A page votes once: a Speakeasy page shows its marks on every row, another generator's its header once.
  return detectBySigns(docs, CLUES, FAMILIES, FAMILY_LINE, "page");
}
