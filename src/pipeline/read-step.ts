/** The read step: one doc into plain data. It loads the markdown parsers only, no emitter and no formatter. */
import type { ModelDoc } from "../ir/types.js";
import { readDoc } from "../parse/read-doc.js";
import { saveMessages, type SavedMessage } from "../shared/diagnostics.js";
import type { SourceDoc } from "../shared/source-doc.js";
import type { ReadOptions } from "../shared/read-options.js";

/** A doc to read, and how its tree is read. */
export interface ReadJob extends SourceDoc {
  readOptions: ReadOptions;
}

/** A doc as read, kept as plain data: its model and the messages reading it gave. */
export interface DocRead {
  model?: ModelDoc;
  skipped: boolean;
  messages: SavedMessage[];
}

/** Reads one doc into plain data (messages saved, not attached to a file). */
export function readStep({ readOptions, ...doc }: ReadJob): DocRead {
  const read = readDoc(doc, readOptions);
  return { ...(read.model ? { model: read.model } : {}), skipped: read.skipped, messages: saveMessages(read.file) };
}
