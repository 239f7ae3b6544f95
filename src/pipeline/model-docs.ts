/** The docs a run reads: the pages as they are, or, for a family that writes several models per page, one doc per model. */
import { splitLiblabPages, type PageDoc } from "../parse/pages/liblab-split.js";
import { splitInlineEnums } from "../parse/pages/openapi-generator-split.js";
import type { Family } from "../shared/families.js";
import { familyOf, type ReadOptions } from "../shared/read-options.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { sortDocs } from "./assemble.js";

export type { PageDoc };

/** The families whose pages can hold several models, and how each is cut. */
const SPLITTERS: Partial<Record<Family, (pages: readonly SourceDoc[]) => PageDoc[]>> = {
  liblab: splitLiblabPages,
  "openapi-generator": splitInlineEnums,
};

/** The model docs of `pages` (sorted), and whether any page was cut into several. */
export function modelDocsOf(
  pages: readonly SourceDoc[],
  readOptions: ReadOptions,
): { docs: PageDoc[]; split: boolean } {
  const family = familyOf(readOptions);
  const split = SPLITTERS[family];
  if (!split) return { docs: [...pages], split: false };
  const docs = sortDocs(split(pages));
  return { docs, split: docs.length !== pages.length || docs.some((doc, index) => doc.text !== pages[index]?.text) };
}
