/** The drift check: compares what would be generated with what is on disk, writing nothing. */
import { readdir } from "node:fs/promises";
import { isTransactionPath } from "./transaction.js";
import { join, relative, sep } from "node:path";
import { createTwoFilesPatch } from "diff";
import { readText } from "../shared/read-text.js";
import type { OutputFile } from "../shared/output-file.js";
import { sha256Hex } from "../shared/hash.js";
import { docHashes, MANIFEST_PATH, parseManifest, sameOutput, type Manifest, type ManifestStats } from "./manifest.js";
import { insideOutput, tryInsideOutput } from "./writer.js";

/** A file on disk that differs from what the docs produce. */
export interface ChangedFile {
  path: string;
  actual: string;
  expected: string;
}

export interface Drift {
  /** Files that mdmodel wrote, unchanged since, that the docs now produce differently. */
  stale: ChangedFile[];
  /** Files changed by hand since mdmodel wrote them. */
  edited: ChangedFile[];
  /** Files the docs produce that are not on disk. */
  missing: string[];
  /** Files mdmodel wrote (the manifest lists them) that no doc produces now: `generate` removes them. */
  removed: string[];
  /** Files in the output folder that mdmodel did not write: never drift, and `generate` leaves them alone. */
  foreign: string[];
}

/**
 * Compares `files` with the output folder. Whether a file was edited by hand is told by the
 * manifest the check trusts (`trusted`, a base ref's), else by the folder's own.
 */
export async function checkOutput(outDir: string, files: readonly OutputFile[], trusted?: Manifest): Promise<Drift> {
  const drift: Drift = { stale: [], edited: [], missing: [], removed: [], foreign: [] };
  const manifest = trusted ?? parseManifest(readText(join(outDir, MANIFEST_PATH)));
  for (const file of files) {
    const actual = readText(insideOutput(outDir, file.path));
    if (actual === undefined) drift.missing.push(file.path);
    else if (actual !== file.content && !(file.path === MANIFEST_PATH && sameOutput(actual, file.content))) {
      const written = manifest?.files[file.path];
      const handEdited = written !== undefined && written !== sha256Hex(actual) && file.path !== MANIFEST_PATH;
      (handEdited ? drift.edited : drift.stale).push({ path: file.path, actual, expected: file.content });
    }
  }
  const expected = new Set(files.map((file) => file.path));
  const owned = new Set(Object.keys(manifest?.files ?? {}));
  for (const path of await listFiles(outDir)) {
    if (expected.has(path) || isTransactionPath(path)) continue;
    (owned.has(path) ? drift.removed : drift.foreign).push(path);
  }
  return drift;
}

/** `true` when the output folder holds what the docs produce (files mdmodel did not write aside). */
export function isClean(drift: Drift): boolean {
  return drift.stale.length + drift.edited.length + drift.missing.length + drift.removed.length === 0;
}

/** How many lines of diff `--check` prints before it only summarises. */
export const DIFF_LINE_LIMIT = 300;

/** A unified diff of each stale and edited file (but the manifest), by its path under `outLabel`; past `lineLimit` lines in all, only a count. */
export function driftDiffs(drift: Drift, outLabel: string, lineLimit = DIFF_LINE_LIMIT): Map<string, string[]> {
  const diffs = new Map<string, string[]>();
  let budget = lineLimit;
  for (const file of [...drift.edited, ...drift.stale].filter((f) => f.path !== MANIFEST_PATH)) {
    const label = outLabel === "." ? file.path : `${outLabel}/${file.path}`;
    const patch = createTwoFilesPatch(`${label} (on disk)`, `${label} (from the docs)`, file.actual, file.expected, "", "", { context: 2 })
      .split("\n")
      .slice(1) // the "=====" separator line
      .filter((line) => line !== "")
      .map((line) => line.replace(/\t$/, "")); // the empty header field
    if (budget <= 0) continue;
    const shown = patch.slice(0, budget);
    if (patch.length > budget) shown.push(`... ${patch.length - budget} more diff lines not shown`);
    diffs.set(label, shown);
    budget -= patch.length;
  }
  return diffs;
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * The fast path: the recorded stats when `manifest` (one the caller trusts: see
 * `cli/previous-output.ts`) says the output was made by this generator (`identity`) and
 * config (`key`) from exactly these docs, and every output file still has the content it
 * was written with (and no other file is there). Anything else means: regenerate.
 */
export async function vouchedByManifest(
  outDir: string,
  manifest: Manifest,
  docs: ReadonlyArray<{ path: string; text: string }>,
  key: string,
  identity: string,
): Promise<ManifestStats | undefined> {
  const inputs = manifest.inputs;
  if (!inputs || inputs.key !== key || manifest.generatedBy?.identity !== identity) return undefined;
  const hashes = docHashes(docs);
  const recorded = Object.keys(inputs.docs);
  if (recorded.length !== docs.length || recorded.some((path) => hashes[path] !== inputs.docs[path])) return undefined;
  for (const [path, hash] of Object.entries(manifest.files)) {
    const target = tryInsideOutput(outDir, path);
    const text = target === undefined ? undefined : readText(target);
    if (text === undefined || sha256Hex(text) !== hash) return undefined;
  }
  const listed = new Set([...Object.keys(manifest.files), MANIFEST_PATH]);
  if ((await listFiles(outDir)).some((path) => !listed.has(path))) return undefined;
  return manifest.generatedBy.stats;
}
