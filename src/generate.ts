/**
 * The pipeline for a set of docs: parse each → resolve the links → plan each module (its
 * examples and exports) → emit and format. Pure over its inputs: it returns files and
 * messages and writes nothing; the engine beside it decides what to reuse and where to run.
 */
import type { Options as PrettierOptions } from "prettier";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { type Config, type ConfigInput, resolveConfig } from "./config/defaults.js";
import { barrelFolders, barrelPathIn } from "./emit/files.js";
import { barrelEntry, barrelEntryOf, ownFiles, planModule, type BarrelEntry, type ModulePlan } from "./emit/plan.js";
import { emitRuntime } from "./emit/runtime.js";
import { barrelPart, moduleKeysOf, withEngine, type Caches, type Engine, type EngineOptions } from "./engine/engine.js";
import { generatorIdentity } from "./identity.js";
import { readModelExamples } from "./ir/examples.js";
import type { ModelDoc } from "./ir/types.js";
import { assembleModels, sortDocs } from "./pipeline/assemble.js";
import type { DocRead } from "./pipeline/read-step.js";
import { readingErrorFile, readingFor } from "./pipeline/reading.js";
import { modelDocsOf } from "./pipeline/model-docs.js";
import { applyRuleSeverities } from "./pipeline/rule-severity.js";
import { recordOf, sortedRecord, warningsBy, withManifest } from "./pipeline/manifest-records.js";
import {
  planOutcomes,
  reportExampleProblems,
  type EmittedExample,
  type EmittedSchema,
  type ExampleUsageOutcome,
} from "./pipeline/plan-outcomes.js";
import { selectModels } from "./pipeline/select.js";
import type { Dialect } from "./shared/dialects.js";
import type { Family } from "./shared/families.js";
import { familyOf, readingLabel, type ReadOptions } from "./shared/read-options.js";
import {
  evidenceModel,
  evidenceOf,
  evidenceOutside,
  linkGraph,
  needed,
  reaching,
  sparseStart,
  type SparseStart,
} from "./pipeline/sparse.js";
import { countBySeverity, hasErrors } from "./shared/diagnostics.js";
import { sha256Hex } from "./shared/hash.js";
import type { OutputFile } from "./shared/output-file.js";
import type { SourceDoc } from "./shared/source-doc.js";
import { compareText } from "./shared/text.js";
import { inputKey, MANIFEST_PATH, type Manifest, type ModelRecord } from "./write/manifest.js";

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

/** A doc as read, kept as plain data: its model and the messages reading it gave. */
export type CachedRead = DocRead;

/** Generates the output for `docs`; errors leave `files` empty so nothing gets written. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const { threads, workerHeapMb, readCache, signal } = input;
  // With a previous output, its unchanged modules are reused through the module and format caches.
  const moduleCache = input.moduleCache ?? (input.previous ? new Map<string, string>() : undefined);
  const formatCache = input.formatCache ?? (input.previous ? new Map<string, string>() : undefined);
  const options: EngineOptions = {
    docs: input.docs.length,
    ...defined({ threads, workerHeapMb, readCache, moduleCache, formatCache, signal }),
  };
  return withEngine(options, async (engine) => {
    const config = resolveConfig(input.config);
    const docs = sortDocs(input.docs);
    const reading = readingFor(config, docs);
    if (!reading.ok) return dialectError(docs, readingErrorFile(docs, reading));
    const models = modelDocsOf(docs, reading.readOptions);
    const run: Run = {
      readOptions: reading.readOptions,
      dialectFrom: reading.dialectFrom,
      engine,
      formatCache,
      input,
      config,
      formatOptions: input.formatOptions ?? {},
      docs: models.docs,
      identity: input.identity ?? generatorIdentity(),
      key: inputKey(config, input.formatOptions),
    };
    // The manifest records the pages, so a run over docs cut from them reads them all; so does one whose enum values come from examples anywhere in the tree.
    const whole = models.split
      ? "pages that hold several models are read whole"
      : config.include.length > 0 || config.exclude.length > 0
        ? "include and exclude choose among every doc"
        : familyOf(run.readOptions) === "apimatic"
          ? "APIMatic's enum values come from examples anywhere in the tree, so it is read whole"
          : undefined;
    const start =
      input.previous &&
      (whole ??
        sparseStart(run.docs, input.previous.manifest, run.identity, run.key, config, readingLabel(run.readOptions)));
    const sparse = typeof start === "object" ? await sparseRun(run, input.previous!, start) : start;
    if (typeof sparse === "object") return sparse;
    const result = await fullRun(run, moduleCache, formatCache);
    return sparse === undefined ? result : { ...result, readAll: sparse };
  });
}

/** A run that cannot tell how to read its docs: one error, at the sign that shows the mix. */
function dialectError(docs: readonly SourceDoc[], file: VFile): GenerateResult {
  const stats: GenerateStats = { docs: docs.length, models: 0, modelsByKind: countKinds([]), skipped: 0, warnings: 0 };
  return { files: [], messages: [...file.messages], stats, exampleUsage: [], examples: [], schemas: [], sparse: false };
}

/** What every part of a run needs. */
interface Run {
  /** How the docs are read: their dialect and the naming of fields. */
  readOptions: ReadOptions;
  dialectFrom: NonNullable<GenerateStats["dialectFrom"]>;
  engine: Engine;
  /** The format cache the engine uses, which a previous output's files may seed. */
  formatCache: Map<string, string> | undefined;
  input: GenerateInput;
  config: Config;
  formatOptions: PrettierOptions;
  docs: SourceDoc[];
  identity: string;
  key: string;
}

/** Every doc read; with a previous output, each module whose key it recorded (and whose file is intact) is that file. */
async function fullRun(
  run: Run,
  moduleCache: Map<string, string> | undefined,
  formatCache: Map<string, string> | undefined,
): Promise<GenerateResult> {
  const { engine, input, config, formatOptions, docs } = run;
  // Parse, then resolve: every doc's model and messages, links followed, nullability inferred.
  const reads = await engine.read(docs, run.readOptions, (done, total) =>
    input.onProgress?.({ phase: "reading", done, total }),
  );
  const { models, files, skipped, evidenceBy } = assembleModels(docs, reads, config, [], run.readOptions);
  // The models `include` and `exclude` choose, with all they reach; the other docs say nothing.
  const selection = selectModels(models, config);
  const chosen = selection ? models.models.filter((model) => selection.models.has(model.path)) : models.models;
  const reporting = selection
    ? [...files].filter(([path]) => selection.reports(path, models.byPath.has(path))).map(([, file]) => file)
    : [...files.values()];

  // Plan: each module's examples (read once, here) and exports.
  const plans = chosen.map((model) => planModule(model, models, readModelExamples(model, models), config));
  reportExampleProblems(plans, files);
  applyRuleSeverities(reporting, config);
  const messages = reporting.flatMap((file) => file.messages);
  const modelsByKind = countKinds(chosen.map((model) => model.body.kind));
  const stats: GenerateStats = {
    docs: input.docs.length,
    models: chosen.length,
    modelsByKind,
    skipped,
    warnings: countBySeverity(messages).warning,
    dialect: run.readOptions.dialect,
    dialectFrom: run.dialectFrom,
    ...(run.readOptions.family ? { family: run.readOptions.family } : {}),
  };
  const outcome = {
    messages,
    stats,
    ...planOutcomes(plans),
    sparse: false as const,
    ...(selection && selection.unmatched.length > 0 ? { unmatched: selection.unmatched } : {}),
  };
  if (hasErrors(messages)) return { files: [], ...outcome };

  input.signal?.throwIfAborted();
  const keys = moduleKeysOf({ models, config, formatOptions });
  if (input.previous && moduleCache && formatCache)
    seedFromPrevious(input.previous, run.identity, plans, keys, { moduleCache, formatCache });
  // Emit and format the modules, the barrel, the runtime and the schema files.
  const runtime = emitRuntime(input.runtimeTemplate, config);
  const onEmitted = (done: number, total: number) => input.onProgress?.({ phase: "emitting", done, total });
  const output = await engine.emit(
    plans,
    plans.map(barrelEntry),
    [runtime, ...plans.flatMap((plan) => ownFiles(plan, config))],
    { models, config, formatOptions },
    onEmitted,
  );
  const formatKeys = new Map(output.map((file) => [file.path, file.key]));
  const records = Object.fromEntries(
    plans.map((plan) => [plan.model.path, recordOf(plan, keys, evidenceBy, formatKeys)]),
  );
  return { files: withManifest(run, output, stats, records, warningsBy(files)), ...outcome };
}

/**
 * Only the docs a change reaches are read, and only the modules that reach a changed doc are
 * made; the others are the files already there. Why not, when the change needs a full run:
 * a doc whose model changed name or kind (other docs' links may resolve differently), or a
 * doc with an error. A module whose exports changed has the barrel made again, from the records.
 */
async function sparseRun(run: Run, previous: PreviousOutput, start: SparseStart): Promise<GenerateResult | string> {
  const { engine, input, config, formatOptions } = run;
  const { records } = start;
  const reads = new Map<string, DocRead>();
  const fresh = new Map<string, ModelDoc>();
  for (const [index, read] of (await engine.read(start.changed, run.readOptions)).entries()) {
    const doc = start.changed[index]!;
    const record = Object.hasOwn(records, doc.path) ? records[doc.path] : undefined;
    if (!read || read.messages.some((message) => message.severity === "error")) return `${doc.path} has an error`;
    if (read.model ? record?.name !== read.model.name || record.kind !== read.model.body.kind : record !== undefined)
      return `${doc.path} changed what model it defines`;
    reads.set(doc.path, read);
    if (read.model) fresh.set(doc.path, read.model);
  }
  const intact = intactFiles(previous);
  const owners = new Map(
    Object.entries(records).flatMap(([path, record]) => record.files.map((file) => [file, path] as const)),
  );
  // The files are exactly the records', the barrels' and the runtime's: else a full run.
  const barrels = barrelFolders(
    Object.values(records).map((record) => record.files[0]),
    config.barrel,
  ).map(barrelPathIn);
  const expected = new Set([...owners.keys(), ...barrels, config.runtimeModule]);
  const listed = Object.keys(previous.manifest.files);
  if (listed.length !== expected.size || listed.some((path) => !expected.has(path)))
    return "the manifest lists other files";
  const graph = linkGraph(records, fresh);
  // Made again: the changed models, those their old null evidence was about, those whose files are not as written, and all that reach them.
  const roots = new Set([
    ...fresh.keys(),
    ...start.changed.flatMap((doc) =>
      (Object.hasOwn(records, doc.path) ? evidenceOf(records[doc.path]!) : []).map(evidenceModel),
    ),
  ]);
  for (const path of Object.keys(previous.manifest.files)) {
    if (path !== MANIFEST_PATH && !intact.has(path) && owners.has(path)) roots.add(owners.get(path)!);
  }
  const changedPaths = new Set(start.changed.map((doc) => doc.path));
  for (;;) {
    const affected = reaching(graph, roots);
    const toRead = needed(graph, records, affected);
    const docs = run.docs.filter((doc) => toRead.has(doc.path) || changedPaths.has(doc.path));
    const unread = docs.filter((doc) => !reads.has(doc.path));
    for (const [index, read] of (await engine.read(unread, run.readOptions)).entries()) {
      if (!read) return `${unread[index]!.path} cannot be read`;
      reads.set(unread[index]!.path, read);
    }
    const { models, files, evidenceBy } = assembleModels(
      docs,
      docs.map((doc) => reads.get(doc.path)),
      config,
      evidenceOutside(records, toRead),
      run.readOptions,
    );
    // Null evidence a doc now gives, or no longer gives, changes the model it is about: that one is made again too.
    const moved = [...toRead].flatMap((path) =>
      symmetricDifference(
        evidenceBy.get(path) ?? [],
        Object.hasOwn(records, path) ? evidenceOf(records[path]!) : [],
      ).map(evidenceModel),
    );
    if (moved.some((path) => !affected.has(path))) {
      moved.forEach((path) => roots.add(path));
      continue;
    }
    const plans = models.models
      .filter((model) => affected.has(model.path))
      .map((model) => planModule(model, models, readModelExamples(model, models), config));
    // The barrel is made from every module's entry: it is the file there while it is intact and these entries are as recorded.
    const barrel =
      barrels.every((path) => intact.has(path)) &&
      plans.every((plan) =>
        sameBarrelPart(barrelEntry(plan), barrelEntryOf(plan.model.path, records[plan.model.path]!, config)),
      )
        ? undefined
        : barrelEntries(records, plans, config);
    reportExampleProblems(plans, files);
    applyRuleSeverities(files.values(), config);
    // The messages of the docs whose modules were made or that changed: of the others, the previous run told.
    const reported = new Set([...affected, ...changedPaths].filter((path) => files.has(path)));
    const messages = [...reported].sort(compareText).flatMap((path) => files.get(path)!.messages);
    if (hasErrors(messages)) return "a doc has an error";

    if (run.formatCache)
      for (const plan of plans) seedFormats(previous, records[plan.model.path]!, run.formatCache, intact);
    const runtime = intact.has(config.runtimeModule) ? [] : [emitRuntime(input.runtimeTemplate, config)];
    const onEmitted = (done: number, total: number) => input.onProgress?.({ phase: "emitting", done, total });
    const made = await engine.emit(
      plans,
      barrel,
      [...runtime, ...plans.flatMap((plan) => ownFiles(plan, config))],
      { models, config, formatOptions },
      onEmitted,
    );
    const formatKeys = new Map(made.map((file) => [file.path, file.key]));
    const output: OutputFile[] = [
      ...made,
      ...[...intact].filter(([path]) => !formatKeys.has(path)).map(([path, content]) => ({ path, content })),
    ];

    const keys = moduleKeysOf({ models, config, formatOptions });
    const nextRecords = {
      ...records,
      ...Object.fromEntries(plans.map((plan) => [plan.model.path, recordOf(plan, keys, evidenceBy, formatKeys)])),
    };
    const warnings = Object.fromEntries(Object.entries(start.warnings).filter(([path]) => !reported.has(path)));
    Object.assign(
      warnings,
      Object.fromEntries(Object.entries(warningsBy(files)).filter(([path]) => reported.has(path))),
    );
    const kinds = Object.values(nextRecords).map((record) => record.kind);
    const total = Object.values(warnings).reduce((sum, count) => sum + count, 0);
    const stats: GenerateStats = {
      docs: run.docs.length,
      models: kinds.length,
      modelsByKind: countKinds(kinds),
      skipped: previous.manifest.generatedBy!.stats.skipped,
      warnings: total,
      dialect: run.readOptions.dialect,
      dialectFrom: run.dialectFrom,
      ...(run.readOptions.family ? { family: run.readOptions.family } : {}),
    };
    const result = {
      messages,
      stats,
      ...planOutcomes(plans),
    };
    return {
      files: withManifest(run, output, stats, nextRecords, sortedRecord(warnings)),
      ...result,
      sparse: { read: docs.length, made: plans.length },
      reported: [...reported].sort(compareText),
    };
  }
}

/** The previous output's files that still hold what its manifest records, by path (the manifest aside). */
function intactFiles(previous: PreviousOutput): Map<string, string> {
  const intact = new Map<string, string>();
  for (const [path, hash] of Object.entries(previous.manifest.files)) {
    if (path === MANIFEST_PATH) continue;
    const text = previous.read(path);
    if (text !== undefined && sha256Hex(text) === hash) intact.set(path, text);
  }
  return intact;
}

/** Each module whose key the previous output recorded, and whose file is intact, becomes a cache hit holding that file; so does each intact file whose text before formatting is the same. */
function seedFromPrevious(
  previous: PreviousOutput,
  identity: string,
  plans: readonly ModulePlan[],
  keys: ReadonlyMap<string, string>,
  caches: { moduleCache: Map<string, string>; formatCache: Map<string, string> },
): void {
  const { moduleCache, formatCache } = caches;
  const records = previous.manifest.inputs?.models;
  // A module key covers the model, all it reaches and the options, not the generator: that must be the same one.
  if (!records || previous.manifest.generatedBy?.identity !== identity) return;
  for (const plan of plans) {
    const record = Object.hasOwn(records, plan.model.path) ? records[plan.model.path]! : undefined;
    const key = keys.get(plan.model.path)!;
    if (!record) continue;
    seedFormats(previous, record, formatCache);
    // The module's recorded format key names its file (when intact): the same key, the same text.
    if (record.key === key && record.files[0] === plan.path && formatCache.has(record.formats[0]))
      moduleCache.set(key, record.formats[0]);
  }
}

/**
 * A module whose closure changed may still emit the very text it did (a referrer of a model
 * whose description changed): its recorded format key then names its file, and prettier is skipped.
 */
function seedFormats(
  previous: PreviousOutput,
  record: ModelRecord,
  formatCache: Map<string, string>,
  intact?: ReadonlyMap<string, string>,
): void {
  record.files.forEach((path, index) => {
    const key = record.formats[index]!;
    if (formatCache.has(key)) return;
    const text = intact ? intact.get(path) : previous.read(path);
    if (text !== undefined && (intact || sha256Hex(text) === previous.manifest.files[path])) formatCache.set(key, text);
  });
}

/** Every module's barrel entry, in the order of the models' doc paths: a plan's where there is one, else as its record says. */
function barrelEntries(
  records: Readonly<Record<string, ModelRecord>>,
  plans: readonly ModulePlan[],
  options: Config,
): BarrelEntry[] {
  const planned = new Map(plans.map((plan) => [plan.model.path, barrelEntry(plan)]));
  return Object.keys(records)
    .sort(compareText)
    .map((path) => planned.get(path) ?? barrelEntryOf(path, records[path]!, options));
}

function sameBarrelPart(a: BarrelEntry, b: BarrelEntry): boolean {
  return JSON.stringify(barrelPart(a)) === JSON.stringify(barrelPart(b));
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const [inA, inB] = [new Set(a), new Set(b)];
  return [...a.filter((item) => !inB.has(item)), ...b.filter((item) => !inA.has(item))];
}

function countKinds(kinds: ReadonlyArray<ModelDoc["body"]["kind"]>): GenerateStats["modelsByKind"] {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}

/** The options that are set (`exactOptionalPropertyTypes` tells an absent option from `undefined`). */
function defined<T extends object>(options: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export { MANIFEST_PATH };
export type { EmittedExample, EmittedSchema, ExampleUsageOutcome };
