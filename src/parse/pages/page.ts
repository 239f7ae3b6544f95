/** What a family's page reader returns, and its signature: one per doc family. */
import type { ModelDoc } from "../../ir/types.js";
import type { ReadContext } from "../fields-table.js";
import type { DocOutline } from "../sections.js";

export interface PageRead {
  /** The model, when the page is a model page that could be read. */
  model?: ModelDoc;
  /** `true` when the page is not a model page (an operation page, an index). */
  skipped: boolean;
}

/** Reads one page's outline in its family's shapes; reports on `ctx.file`, never throws. */
export type PageReader = (outline: DocOutline, ctx: ReadContext, path: string) => PageRead;
