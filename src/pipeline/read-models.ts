/** Reading docs in this thread, for tests and tools that want the models without the output. */
import type { Config } from "../config/defaults.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { assembleModels, isSafeDocPath, sortDocs, type ReadModels } from "./assemble.js";
import { readStep } from "./read-step.js";
import { modelDocsOf } from "./model-docs.js";
import { readingErrorFile, readingFor } from "./reading.js";
import type { ReadOptions } from "../shared/read-options.js";

/**
 * Reads every doc in this thread, resolves links between them and infers nullability; `as`
 * is how (by default, the dialect the config sets or the docs show).
 */
export function readModels(input: readonly SourceDoc[], config: Config, readOptions?: ReadOptions): ReadModels {
  const docs = sortDocs(input);
  const reading = readOptions ? { ok: true as const, readOptions: readOptions } : readingFor(config, docs);
  if (!reading.ok) {
    // A tree that mixes dialects: no model, one error.
    const file = readingErrorFile(docs, reading);
    const read = assembleModels([], [], config);
    read.files.set(file.path, file);
    return read;
  }
  const models = modelDocsOf(docs, reading.readOptions).docs;
  return assembleModels(
    models,
    models.map((doc) => (isSafeDocPath(doc.path) ? readStep({ ...doc, readOptions: reading.readOptions }) : undefined)),
    config,
    [],
    reading.readOptions,
  );
}
