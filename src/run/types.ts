/** What `generate()` takes and gives, and what every part of a run shares. */
import type { Options as PrettierOptions } from "prettier";
import type { VFileMessage } from "vfile-message";
import type { Config, ConfigInput } from "../config/defaults.js";
import type { Caches, Engine, EngineOptions } from "../engine/engine.js";
import type { ModelDoc } from "../ir/types.js";
import type { EmittedExample, EmittedSchema, ExampleUsageOutcome } from "../pipeline/plan-outcomes.js";
import type { Dialect } from "../shared/dialects.js";
import type { Family } from "../shared/families.js";
import type { OutputFile } from "../shared/output-file.js";
import type { ReadOptions } from "../shared/read-options.js";
import type { SourceDoc } from "../shared/source-doc.js";
import type { Manifest } from "../write/manifest.js";

/**
 * The docs and options of a run. The caches (see `engine/engine.ts`: docs as read, modules
 * by the key of every model they reach, formatted texts) are read and left holding exactly
 * this run's entries; `threads` and `workerHeapMb` say where it may run. The output is the
 * same with or without them.
 */
export interface GenerateInput extends Caches, Pick<EngineOptions, "threads" | "workerHeapMb" | "signal"> {
  docs: readonly SourceDoc[];
  /** The text of `templates/runtime.ts`. */
  runtimeTemplate: string;
  /** The options; unset ones take their defaults. A resolved `Config` (the command's) resolves to itself. */
  config?: ConfigInput;
  /** The project's prettier options (the CLI resolves them from the output folder). */
  formatOptions?: PrettierOptions;
  /**
   * The generator identity the manifest records (default: `generatorIdentity()`, this
   * generator's); with the docs' hashes it lets an unchanged run skip regenerating.
   */
  identity?: string;
  /** Called as docs are read and as modules are emitted and formatted, for a progress display. */
  onProgress?: (progress: { phase: "reading" | "emitting"; done: number; total: number }) => void;
  /**
   * The output as it is, when there is one: its modules are reused where the manifest's
   * records show that no doc they reach changed and the file still holds what was written,
   * so only the docs a change reaches are read. The caller decides whether to trust the
   * manifest (SECURITY.md). The output is the same with or without it.
   */
  previous?: PreviousOutput;
}

/** An output folder as it is: its manifest, and a way to read its files. */
export interface PreviousOutput {
  manifest: Manifest;
  /** The text of the output file at `path` now, or `undefined` when there is none. */
  read(path: string): string | undefined;
}

export interface GenerateStats {
  docs: number;
  models: number;
  modelsByKind: Record<ModelDoc["body"]["kind"], number>;
  skipped: number;
  /** Warnings of every doc: in a sparse run, those of the docs not read are the previous run's. */
  warnings: number;
  /** The dialect the docs were read in, and whether the config set it or the docs told it (absent when no dialect could be told). */
  dialect?: Dialect;
  dialectFrom?: "config" | "detected" | "default";
  /** The generator whose pages the docs are, when not Speakeasy's. */
  family?: Family;
}

export interface GenerateResult {
  /** Every Example Usage block found, and whether it became a typed example. */
  exampleUsage: ExampleUsageOutcome[];
  /** Every example the output holds, whatever part of the doc it came from. */
  examples: EmittedExample[];
  /** Every model's JSON Schema; `$ref`s name the schema files beside it (`./lineitem.schema.json`). */
  schemas: EmittedSchema[];
  /** The output files, sorted by path; empty when any doc has an error. */
  files: OutputFile[];
  /** Every message, in doc order. */
  messages: VFileMessage[];
  stats: GenerateStats;
  /**
   * `false` when every doc was read; else how many docs were read and how many modules made, the
   * rest being the previous output's. Then `messages`, `exampleUsage`, `examples` and `schemas`
   * cover only the docs read and the modules made: the others are as the previous run said.
   */
  sparse: false | { read: number; made: number };
  /** In a sparse run, the docs whose messages `messages` gives (each of the others' is as the previous run said). */
  reported?: string[];
  /** With a previous output, why every doc was read all the same. */
  readAll?: string;
  /** The patterns of the `include` option that chose no model. */
  unmatched?: string[];
}

/** What every part of a run needs: the options resolved once, the docs as model docs, the engine. */
export interface Run {
  /** How the docs are read: their dialect and the naming of fields. */
  readOptions: ReadOptions;
  dialectFrom: NonNullable<GenerateStats["dialectFrom"]>;
  engine: Engine;
  /** The caches the engine uses, which a previous output's files may seed. */
  moduleCache: Map<string, string> | undefined;
  formatCache: Map<string, string> | undefined;
  input: GenerateInput;
  config: Config;
  formatOptions: PrettierOptions;
  /** The model docs: the input's, sorted by path, pages that hold several models cut into one doc each. */
  docs: SourceDoc[];
  identity: string;
  /** The key of the options that shape the output (`inputKey`). */
  key: string;
}
