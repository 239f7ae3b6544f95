/**
 * The manifest lists every file mdmodel wrote, with a hash of its content, so a run
 * removes only its own files and `--check` can tell a hand-edited file from a stale one.
 */
import { createHash } from "node:crypto";
import type { Options } from "prettier";
import type { Config } from "../config.js";
import type { OutputFile } from "../emit/files.js";

export const MANIFEST_PATH = ".mdmodel-manifest.json";

/** What the output was made from: enough to tell, without regenerating, that nothing changed. */
export interface ManifestInputs {
  /** sha256 of the generator fingerprint, the output-shaping config and the prettier options. */
  key: string;
  /** Doc path → sha256 of its text, for every doc read (models or not). */
  docs: Record<string, string>;
  /** The run's summary numbers, so a run that changes nothing can still print them. */
  stats: { docs: number; models: number; modelsByKind: { object: number; enum: number; union: number }; skipped: number; warnings: number };
}

export interface Manifest {
  generator: "mdmodel";
  inputs?: ManifestInputs;
  /** Output path → sha256 of its content. */
  files: Record<string, string>;
}

/** The sha256 of a text, hex. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The manifest file for a set of generated files, and what they were made from. */
export function manifestFile(files: readonly OutputFile[], inputs?: ManifestInputs): OutputFile {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: Manifest = {
    generator: "mdmodel",
    ...(inputs ? { inputs } : {}),
    files: Object.fromEntries(sorted.map((file) => [file.path, hashText(file.content)])),
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
  const hash = hashText(doc.text);
  docHashMemo.set(doc, { text: doc.text, hash });
  return hash;
}

/** Reads a manifest's text; anything unreadable counts as no manifest, never trusted. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Manifest> | null;
    const files = value?.files;
    if (value?.generator !== "mdmodel" || typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
    if (!Object.values(files).every((hash) => typeof hash === "string")) return undefined;
    const inputs = value.inputs;
    const validInputs =
      typeof inputs === "object" && inputs !== null && typeof inputs.key === "string" && typeof inputs.docs === "object" && inputs.docs !== null && typeof inputs.stats === "object";
    return { generator: "mdmodel", ...(validInputs ? { inputs } : {}), files: { ...files } };
  } catch {
    return undefined;
  }
}

/** The part of the manifest key beyond the docs: generator, output-shaping config, prettier options. */
export function inputKey(fingerprint: string, config: Config, formatOptions: Options | undefined): string {
  const { input: _input, out: _out, ...shaping } = config;
  return hashText(JSON.stringify([fingerprint, shaping, formatOptions ?? {}]));
}
