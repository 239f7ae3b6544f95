/**
 * mdmodel's programmatic API: `generate()` turns docs into files and diagnostics
 * without touching the file system; `loadDocs()` reads a folder of docs for it.
 */
export { generate } from "./generate.js";
export type { EmittedExample, EmittedSchema, ExampleUsageOutcome, GenerateInput, GenerateResult, GenerateStats } from "./generate.js";
export type { JsonSchema } from "./emit/json-schema.js";
export { DEFAULT_CONFIG, resolveConfig } from "./config/defaults.js";
export type { Config, ConfigInput } from "./config/defaults.js";
export { formatMessage, severityOf } from "./shared/diagnostics.js";
export { loadDocs, loadRuntimeTemplate } from "./io/load-docs.js";
export type { OutputFile } from "./shared/output-file.js";
export type { SourceDoc } from "./shared/source-doc.js";
export type * from "./ir/types.js";
