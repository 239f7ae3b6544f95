/** Reading docs in this thread, for tests and tools that want the models without the output. */
import type { Config } from "../config/defaults.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { assembleModels, isSafeDocPath, sortDocs, type ReadModels } from "./assemble.js";
import { readStep } from "./read-step.js";

/** Reads every doc in this thread, resolves links between them and infers nullability. */
export function readModels(input: readonly SourceDoc[], config: Config): ReadModels {
  const docs = sortDocs(input);
  return assembleModels(docs, docs.map((doc) => (isSafeDocPath(doc.path) ? readStep(doc) : undefined)), config);
}
