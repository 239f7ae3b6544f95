/**
 * The pipeline for a set of docs: read each → resolve links → read examples → emit
 * modules → format. Pure over its inputs: it returns files and messages, writes nothing.
 */
import { posix } from "node:path";
import type { Options as PrettierOptions } from "prettier";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { type Config, type ConfigInput, resolveConfig } from "./config.js";
import { countBySeverity, hasErrors, report, restoreMessages, saveMessages, type SavedMessage } from "./diagnostics.js";
import { emitBarrel } from "./emit/barrel.js";
import { emitModelModule, moduleExports, type ModelModule, type OutputFile } from "./emit/module.js";
import { modulePathOf, namesOf, typeNameOf } from "./emit/naming.js";
import { closureHashes } from "./ir/closure-hash.js";
import { emitRuntime } from "./emit/runtime.js";
import { readModelExamples, type ExampleSource } from "./ir/examples.js";
import { inferNullability } from "./ir/nullability.js";
import { compareText, resolveModels, type ModelSet } from "./ir/resolve.js";
import type { ModelDoc } from "./ir/types.js";
import { readDoc, type SourceDoc } from "./parse/read-doc.js";
import { MANIFEST_PATH, manifestFile } from "./write/manifest.js";
import { formatAll } from "./write/format-pool.js";
import { docHashes, hashText, inputKey } from "./write/manifest.js";

export interface GenerateInput {
  docs: readonly SourceDoc[];
  /** The text of `templates/runtime.ts`. */
  runtimeTemplate: string;
  config?: ConfigInput;
  /** The project's prettier options (the CLI resolves them from the output folder). */
  formatOptions?: PrettierOptions;
  /**
   * The generator fingerprint (see `io/fingerprint.ts`); with it, the manifest records
   * what the output was made from, so unchanged runs can skip regenerating.
   */
  fingerprint?: string;
  /** Docs read by earlier runs, by a hash of their path and text; updated to this run's docs. */
  readCache?: Map<string, CachedRead>;
  /** Formatted model modules by `closureHashes` key; updated to hold exactly this run's modules. */
  moduleCache?: Map<string, string>;
  /**
   * Formatted modules by a hash of their unformatted text and the prettier options: hits
   * skip prettier; the map is updated to hold exactly this run's modules.
   */
  formatCache?: Map<string, string>;
  /** Threads to format with (default: every core); the output is the same for any number. */
  threads?: number;
  /** Called as docs are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateStats {
  docs: number;
  models: number;
  modelsByKind: Record<ModelDoc["body"]["kind"], number>;
  skipped: number;
}

/** What became of one doc's Example Usage block. */
export interface ExampleUsageOutcome {
  docPath: string;
  /** The module and export holding the typed example, when it was accepted. */
  module?: string;
  exportName?: string;
  /** The validator that should accept it. */
  validateName: string;
  rejected?: string;
}

/** A typed example the output holds, and the validator that must accept it. */
export interface EmittedExample {
  docPath: string;
  module: string;
  exportName: string;
  validateName: string;
  source: ExampleSource;
}

export interface GenerateResult {
  /** Every Example Usage block found, and whether it became a typed example. */
  exampleUsage: ExampleUsageOutcome[];
  /** Every example the output holds, whatever part of the doc it came from. */
  examples: EmittedExample[];
  /** The output files, sorted by path; empty when any doc has an error. */
  files: OutputFile[];
  /** Every message, in doc order. */
  messages: VFileMessage[];
  stats: GenerateStats;
}

function readKey(doc: SourceDoc): string {
  return hashText(`${doc.path}\0${doc.text}`);
}

/** Reads a doc, or takes what an earlier run read from the same path and text. */
function readCached(doc: SourceDoc, cache: Map<string, CachedRead> | undefined): { file: VFile; model?: ModelDoc; skipped: boolean } {
  const key = cache ? readKey(doc) : "";
  const hit = cache?.get(key);
  if (hit) {
    const file = new VFile({ path: doc.path, value: doc.text });
    restoreMessages(file, hit.messages);
    // A fresh copy: later steps must not change what the cache holds.
    const model = hit.model ? (structuredClone(hit.model) as ModelDoc) : undefined;
    return model ? { file, model, skipped: hit.skipped } : { file, skipped: hit.skipped };
  }
  const read = readDoc(doc);
  cache?.set(key, { ...(read.model ? { model: structuredClone(read.model) } : {}), skipped: read.skipped, messages: saveMessages(read.file) });
  return read;
}

/** The docs read and resolved: every model, each doc's messages, and how many were skipped. */
export interface ReadModels {
  models: ModelSet;
  files: Map<string, VFile>;
  docs: number;
  skipped: number;
}

/** Reads every doc, resolves links between them and infers nullability; reports on the docs' files. */
/** A doc as read, kept as plain data: its model and the messages reading it gave. */
export interface CachedRead {
  model?: ModelDoc;
  skipped: boolean;
  messages: SavedMessage[];
}

export function readModels(
  input: readonly SourceDoc[],
  config: Config,
  onProgress?: (done: number, total: number) => void,
  readCache?: Map<string, CachedRead>,
): ReadModels {
  const docs = [...input].sort((a, b) => compareText(a.path, b.path));
  const files = new Map<string, VFile>();
  const models: ModelDoc[] = [];
  let skipped = 0;
  for (const doc of docs) {
    if (!isSafeDocPath(doc.path)) {
      const file = new VFile({ path: doc.path.replace(/\0/g, "\\0") });
      report(file, "error", "the doc path must be relative, inside the input folder, with no `..`, backslash or control character; the module would be written outside the output folder or break its import", { line: 1, column: 1 }, "bad-path");
      files.set(doc.path, file);
      continue;
    }
    const read = readCached(doc, readCache);
    files.set(doc.path, read.file);
    if (read.model) models.push(read.model);
    if (read.skipped) skipped += 1;
    onProgress?.(files.size, docs.length);
  }
  if (readCache) {
    // Keep only this run's docs, so the cache does not grow without bound.
    const used = new Set(docs.map(readKey));
    for (const key of [...readCache.keys()]) if (!used.has(key)) readCache.delete(key);
  }
  reportDuplicateNames(models, files);
  for (const model of models) {
    const name = typeNameOf(model);
    if (name !== model.name) {
      const why = /^[A-Za-z_$][\w$]*$/.test(model.name) ? "the title is a reserved or built-in name" : "the title is not an identifier";
      report(files.get(model.path)!, "info", `the model \`${model.name}\` is exported as \`${name}\`: ${why}`, model.position, "renamed-model");
    }
  }
  const resolved = inferNullability(resolveModels(models, files, config.externalTypes), config.nulls);
  return { models: resolved, files, docs: docs.length, skipped };
}

/** Formats every module, taking what it can from `input.formatCache` and recording what it formats. */
async function formatCached(texts: readonly string[], input: GenerateInput): Promise<string[]> {
  const cache = input.formatCache;
  const keys = texts.map((text) => hashText(`${JSON.stringify(input.formatOptions ?? {})}\0${text}`));
  const misses = texts.map((_, i) => i).filter((i) => !cache?.has(keys[i]!));
  const formatted = await formatAll(misses.map((i) => texts[i]!), input.formatOptions, input.threads);
  const result = keys.map((key) => cache?.get(key) ?? "");
  misses.forEach((index, k) => {
    result[index] = formatted[k]!;
    cache?.set(keys[index]!, formatted[k]!);
  });
  // Keep only what this run used, so the cache does not grow without bound.
  const used = new Set(keys);
  if (cache) for (const key of [...cache.keys()]) if (!used.has(key)) cache.delete(key);
  return result;
}

/** A doc path maps to an output path: it must stay relative and inside. */
function isSafeDocPath(path: string): boolean {
  if (path === "" || /[\u0000-\u001f\u007f\u2028\u2029\\]/.test(path) || posix.isAbsolute(path) || /^[A-Za-z]:/.test(path)) return false;
  const normalized = posix.normalize(path);
  return normalized !== ".." && !normalized.startsWith("../");
}

/** Generates the output for `docs`; errors leave `files` empty so nothing gets written. */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const config = resolveConfig(input.config);
  const { models: modelSet, files, docs, skipped } = readModels(input.docs, config, input.onProgress, input.readCache);
  const moduleKeys = input.moduleCache ? closureHashes(modelSet, JSON.stringify([config, input.formatOptions ?? {}])) : undefined;
  const modules: Array<ModelModule & { formatted?: true }> = [];
  const exampleUsage: ExampleUsageOutcome[] = [];
  const emitted: EmittedExample[] = [];
  for (const model of modelSet.models) {
    const examples = readModelExamples(model, modelSet);
    for (const problem of examples.problems) report(files.get(model.path)!, "warning", problem.reason, problem.position, "bad-example");
    const cached = moduleKeys ? input.moduleCache?.get(moduleKeys.get(model.path)!) : undefined;
    const module: ModelModule & { formatted?: true } = cached === undefined
      ? emitModelModule(model, modelSet, examples, config)
      : { path: modulePathOf(model.path), content: cached, model, exports: moduleExports(model, examples, config), formatted: true };
    modules.push(module);
    const names = namesOf(model);
    if (examples.model) {
      emitted.push({ docPath: model.path, module: module.path, exportName: names.example, validateName: names.validate, source: examples.model.source });
    }
    if (examples.usage) {
      exampleUsage.push(
        examples.usage.accepted
          ? { docPath: model.path, module: module.path, exportName: names.example, validateName: names.validate }
          : { docPath: model.path, validateName: names.validate, rejected: examples.usage.reason },
      );
    }
  }

  const messages = [...files.values()].flatMap((file) => file.messages);
  const stats: GenerateStats = {
    docs,
    models: modelSet.models.length,
    modelsByKind: countKinds(modelSet.models),
    skipped,
  };
  if (hasErrors(messages)) return { files: [], messages, stats, exampleUsage, examples: emitted };

  const outputs: Array<OutputFile & { formatted?: true }> = [
    ...modules.map(({ path, content, formatted }) => ({ path, content, ...(formatted ? { formatted } : {}) })),
    emitRuntime(input.runtimeTemplate, config),
    emitBarrel(modules, config),
  ];
  const toFormat = outputs.filter((file) => !file.formatted);
  const texts = await formatCached(toFormat.map((file) => file.content), input);
  const byPath = new Map(toFormat.map((file, i) => [file.path, texts[i]!]));
  const formatted = outputs.map((file) => ({ path: file.path, content: byPath.get(file.path) ?? file.content }));
  if (moduleKeys && input.moduleCache) {
    const cache = input.moduleCache;
    cache.clear(); // only this run's modules stay
    for (const module of modules) {
      const key = moduleKeys.get(module.model.path)!;
      cache.set(key, byPath.get(module.path) ?? module.content);
    }
  }
  const inputs = input.fingerprint === undefined ? undefined : {
    key: inputKey(input.fingerprint, config, input.formatOptions),
    docs: docHashes(input.docs),
    stats: { ...stats, warnings: countBySeverity(messages).warning },
  };
  formatted.push(manifestFile(formatted, inputs));
  formatted.sort((a, b) => compareText(a.path, b.path));
  return { files: formatted, messages, stats, exampleUsage, examples: emitted };
}

/** Two docs of one folder that define one type name would be two exports of one name. */
function reportDuplicateNames(models: ModelDoc[], files: ReadonlyMap<string, VFile>): void {
  const seen = new Map<string, ModelDoc>();
  for (const model of [...models]) {
    const key = `${posix.dirname(model.path)}/${typeNameOf(model)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, model);
      continue;
    }
    report(
      files.get(model.path)!,
      "error",
      `the model \`${model.name}\` is also defined by ${first.path} in the same folder; rename one of the two titles`,
      model.position,
      "duplicate-model",
    );
    models.splice(models.indexOf(model), 1);
  }
}

function countKinds(models: readonly ModelDoc[]): GenerateStats["modelsByKind"] {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const model of models) counts[model.body.kind] += 1;
  return counts;
}

export { MANIFEST_PATH };
