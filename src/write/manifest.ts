/**
 * The manifest lists every file mdmodel wrote, with a hash of its content, so a run
 * removes only its own files and `--check` can tell a hand-edited file from a stale one.
 */
import type { Options } from "prettier";
import type { Config } from "../config/defaults.js";
import { sha256Hex } from "../shared/hash.js";
import type { OutputFile } from "../shared/output-file.js";

export const MANIFEST_PATH = ".mdmodel-manifest.json";

/** What the output was made from: enough to tell, without regenerating, that nothing changed. */
export interface ManifestInputs {
  /** sha256 of the output-shaping config and the prettier options. */
  key: string;
  /** The dialect the docs were read in (told from the docs unless the config set it). */
  dialect?: string;
  /** Doc path → sha256 of its text, for every doc read (models or not). */
  docs: Record<string, string>;
  /** Doc path → what the run found of the model it defines; enough to tell which modules a changed doc reaches without reading the others. */
  models?: Record<string, ModelRecord>;
  /** Doc path → how many warnings it gave, for the docs that gave any. */
  warnings?: Record<string, number>;
}

/** One model doc as a run found it. */
export interface ModelRecord {
  /** The model's name (the doc's title) and kind: a change of either can change how other docs' links resolve. */
  name: string;
  kind: "object" | "enum" | "union";
  /** The doc paths of the models it links to, sorted. */
  refs: string[];
  /** The fields (`path#field`) its examples set to null, which makes them nullable under the `nulls` policy; sorted. */
  nulls: string[];
  /** The wire names its examples show for fields (`path#field\twire`), sorted; absent when none. */
  wires?: string[];
  /** The module key: a hash of the model, every model it reaches and the options (`ir/closure-hash.ts`). */
  key: string;
  /** Its output files: the module, then those its outputs write beside it (the `.schema.json`). */
  files: [module: string, ...others: string[]];
  /** The format key of each (a hash of its text before formatting and the prettier options): equal keys, equal formatted files. */
  formats: [module: string, ...others: string[]];
  /** Whether its module exports a typed example: with the name and kind, all the barrel takes from the module. */
  example: boolean;
}

/** The run's summary numbers, so a run that changes nothing can still print them. */
export interface ManifestStats {
  docs: number;
  models: number;
  modelsByKind: { object: number; enum: number; union: number };
  skipped: number;
  warnings: number;
}

/**
 * Which generator made the files, and what it said of the docs. A manifest that differs from
 * another only here is the same output (an upgrade of mdmodel that changes nothing), so it
 * is neither drift nor rewritten.
 */
export interface ManifestMaker {
  mdmodel: string;
  /** The generator identity (see `identity.ts`). */
  identity: string;
  stats: ManifestStats;
}

export interface Manifest {
  generator: "mdmodel";
  generatedBy?: ManifestMaker;
  inputs?: ManifestInputs;
  /** Output path → sha256 of its content. */
  files: Record<string, string>;
}

/** The manifest file for a set of generated files, who made them and what from. */
export function manifestFile(
  files: readonly OutputFile[],
  made?: { by: ManifestMaker; inputs: ManifestInputs },
): OutputFile {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: Manifest = {
    generator: "mdmodel",
    ...(made ? { generatedBy: made.by, inputs: made.inputs } : {}),
    files: Object.fromEntries(sorted.map((file) => [file.path, sha256Hex(file.content)])),
  };
  return { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The doc hashes of a manifest's inputs, in path order. */
export function docHashes(docs: ReadonlyArray<{ path: string; text: string }>): Record<string, string> {
  const sorted = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return Object.fromEntries(sorted.map((doc) => [doc.path, docHash(doc)]));
}

const docHashMemo = new WeakMap<object, { text: string; hash: string }>();

/**
 * The hash of a doc's text, computed once per doc object: a run needs it for the manifest
 * check, the read cache's key and the new manifest (three passes over every doc before).
 */
export function docHash(doc: { text: string }): string {
  const memo = docHashMemo.get(doc);
  if (memo !== undefined && memo.text === doc.text) return memo.hash;
  const hash = sha256Hex(doc.text);
  docHashMemo.set(doc, { text: doc.text, hash });
  return hash;
}

/** Reads a manifest's text; anything unreadable counts as no manifest, never trusted. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Manifest> | null;
    const files = value?.files;
    if (
      value?.generator !== "mdmodel" ||
      !isRecord(files) ||
      !Object.values(files).every((hash) => typeof hash === "string")
    )
      return undefined;
    const { inputs, generatedBy } = value;
    const validInputs =
      isRecord(inputs) &&
      typeof inputs.key === "string" &&
      isRecord(inputs.docs) &&
      Object.values(inputs.docs).every((hash) => typeof hash === "string");
    const validMaker = isRecord(generatedBy) && typeof generatedBy.identity === "string" && isRecord(generatedBy.stats);
    const dialect = validInputs && typeof inputs.dialect === "string" ? { dialect: inputs.dialect } : {};
    const checkedInputs = validInputs
      ? { key: inputs.key, ...dialect, docs: inputs.docs, ...recordsOf(inputs) }
      : undefined;
    return {
      generator: "mdmodel",
      ...(validMaker ? { generatedBy } : {}),
      ...(checkedInputs ? { inputs: checkedInputs } : {}),
      files: { ...files },
    };
  } catch {
    return undefined;
  }
}

/** Whether two manifest texts describe the same output: all but `generatedBy` is equal. */
export function sameOutput(a: string, b: string): boolean {
  const strip = (text: string) => {
    try {
      const { generatedBy: _maker, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return JSON.stringify(rest);
    } catch {
      return text;
    }
  };
  return a === b || strip(a) === strip(b);
}

/** The part of the manifest key beyond the docs: the output-shaping config and the prettier options. */
export function inputKey(config: Config, formatOptions: Options | undefined): string {
  const { input: _input, out: _out, ...shaping } = config;
  return sha256Hex(JSON.stringify([shaping, formatOptions ?? {}]));
}

/** The model records and warning counts of a manifest's inputs, when every one has its shape; else none (a run then reads every doc). */
function recordsOf(inputs: Record<string, unknown>): Pick<ManifestInputs, "models" | "warnings"> {
  const { models, warnings } = inputs;
  if (!isRecord(models) || !isRecord(warnings)) return {};
  if (!Object.values(warnings).every((count) => Number.isInteger(count))) return {};
  if (!Object.values(models).every(isModelRecord)) return {};
  return { models: models as Record<string, ModelRecord>, warnings: warnings as Record<string, number> };
}

function isModelRecord(value: unknown): value is ModelRecord {
  if (!isRecord(value)) return false;
  const { name, kind, refs, nulls, wires, key, files, formats, example } = value;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === "string");
  return (
    typeof name === "string" &&
    (kind === "object" || kind === "enum" || kind === "union") &&
    strings(refs) &&
    strings(nulls) &&
    (wires === undefined || strings(wires)) &&
    typeof key === "string" &&
    strings(files) &&
    (files as unknown[]).length >= 1 &&
    strings(formats) &&
    (formats as unknown[]).length === (files as unknown[]).length &&
    typeof example === "boolean"
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
