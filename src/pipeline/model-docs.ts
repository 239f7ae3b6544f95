/** The docs a run reads: the pages as they are, or, for a family that writes several models per page, one doc per model. */
import { splitLiblabPages, type PageDoc } from "../parse/pages/liblab-split.js";
import { familyOf, type ReadOptions } from "../shared/read-options.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { sortDocs } from "./assemble.js";

export type { PageDoc };

/** The model docs of `pages` (sorted), and whether any page was cut into several. */
export function modelDocsOf(pages: readonly SourceDoc[], as: ReadOptions): { docs: PageDoc[]; split: boolean } {
  if (familyOf(as) !== "liblab") return { docs: [...pages], split: false };
  const docs = sortDocs(splitLiblabPages(pages));
  return { docs, split: docs.length !== pages.length || docs.some((doc, index) => doc.text !== pages[index]?.text) };
}
