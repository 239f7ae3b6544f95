/**
 * mdmodel's programmatic API: `generate()` turns docs into files and diagnostics
 * without touching the file system; `loadDocs()` reads a folder of docs for it;
 * `diffDocs()` tells what changed between two sets of docs, for readers and for writers.
 */
import { resolveConfig as resolve, type ConfigInput as Input } from "./config/defaults.js";
import { diffModels, type Change } from "./diff/compare.js";
import { enabledOutputs } from "./shared/outputs.js";
import { readModels } from "./pipeline/read-models.js";
import type { SourceDoc as Doc } from "./shared/source-doc.js";
import type { VFileMessage } from "vfile-message";

export { generate } from "./generate.js";
export type {
  EmittedExample,
  EmittedSchema,
  ExampleUsageOutcome,
  GenerateInput,
  GenerateResult,
  GenerateStats,
} from "./generate.js";
export type { JsonSchema } from "./emit/json-schema.js";
export { DEFAULT_CONFIG, resolveConfig } from "./config/defaults.js";
export type { Config, ConfigInput } from "./config/defaults.js";
export { formatMessage, severityOf } from "./shared/diagnostics.js";
export { loadDocs, loadRuntimeTemplate } from "./io/load-docs.js";
export type { OutputFile } from "./shared/output-file.js";
export type { SourceDoc } from "./shared/source-doc.js";
export type * from "./ir/types.js";
export { RULES as DIFF_RULES, fails } from "./diff/rules.js";
export type { Audience, FailOn, Impact, Rule, RuleId } from "./diff/rules.js";
export type { Change } from "./diff/compare.js";
export { loadDocsAtRef } from "./io/git-docs.js";

/** Every change from the models of `base` to those of `head` (each with its rule: `DIFF_RULES[rule]` gives its impact), and the messages of reading both. */
export function diffDocs(
  base: readonly Doc[],
  head: readonly Doc[],
  config: Input = {},
): { changes: Change[]; messages: { base: VFileMessage[]; head: VFileMessage[] } } {
  const resolved = resolve(config);
  const [before, after] = [readModels(base, resolved), readModels(head, resolved)];
  const messagesOf = (read: typeof before) => [...read.files.values()].flatMap((file) => file.messages);
  return {
    changes: diffModels(before.models, after.models, { examples: enabledOutputs(resolved.outputs).has("examples") }),
    messages: { base: messagesOf(before), head: messagesOf(after) },
  };
}
