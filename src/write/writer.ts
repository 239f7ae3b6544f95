/**
 * Writes generated files into the output folder: identical files are left alone, the rest
 * are committed all or nothing (transaction.ts), and files an earlier run wrote that no doc
 * produces now are removed if they still hold what it wrote. Nothing else is touched.
 */
// Synchronous calls: a run touches thousands of small files, and each asynchronous call
// is a round trip through the thread pool that costs more than the read itself.
import { lstatSync, realpathSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { sha256Hex } from "../shared/hash.js";
import { exists, readText } from "../shared/read-text.js";
import type { OutputFile } from "../shared/output-file.js";
import { MANIFEST_PATH, parseManifest } from "./manifest.js";
import { commit, isTransactionPath, lock, recover } from "./transaction.js";

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Files an earlier run wrote that no doc produces now, left in place because they were changed since. */
  kept: string[];
}

/**
 * Writes `files` under `outDir` and removes what the previous manifest lists and they do not,
 * all or nothing (see transaction.ts), under the folder's lock.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], onProgress?: (done: number, total: number) => void): Promise<WriteSummary> {
  const created = !exists(outDir);
  let release: () => void;
  try {
    release = lock(outDir);
  } catch (error) {
    if (created) rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  try {
    recover(outDir);
    const summary = plan(outDir, files, onProgress);
    const written = new Set(summary.written);
    const changed = files.filter((file) => written.has(file.path));
    commit(outDir, changed, summary.removed);
    return summary;
  } catch (error) {
    // A run that made the output folder and failed leaves no folder behind.
    if (created) rmSync(outDir, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

/** Which files change, which stay, which go; refuses, before anything is written, any target a symlink leads out of the folder. */
function plan(outDir: string, files: readonly OutputFile[], onProgress?: (done: number, total: number) => void): WriteSummary {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [], kept: [] };
  const previous = parseManifest(readText(join(outDir, MANIFEST_PATH)));
  const inside = folderCheck(outDir);
  for (const file of files) {
    const target = insideOutput(outDir, file.path);
    if (!inside(target)) throw new UnsafeOutputError(`refusing to write ${target}: a symlink in the output folder leads out of it`);
  }
  for (const [index, file] of files.entries()) {
    onProgress?.(index + 1, files.length);
    const onDisk = readText(insideOutput(outDir, file.path));
    // A manifest that differs only in who made the files (an upgrade that changed no output) is written too: a later run reuses only what this generator made.
    if (onDisk === file.content) summary.unchanged.push(file.path);
    else summary.written.push(file.path);
  }
  const current = new Set(files.map((file) => file.path));
  for (const [path, hash] of Object.entries(previous?.files ?? {})) {
    if (current.has(path) || isTransactionPath(path)) continue;
    // The manifest is read from disk, so it is never trusted: entries that leave the folder, or name a folder, are ignored.
    const target = tryInsideOutput(outDir, path);
    if (target === undefined || !inside(target)) continue;
    // A folder, a link or nothing where a listed file was: not what mdmodel wrote, so not its to remove.
    if (!isFile(target)) continue;
    const text = readText(target)!;
    // A file that no longer holds what mdmodel wrote is someone's work: it is kept, and said.
    if (sha256Hex(text) === hash) summary.removed.push(path);
    else summary.kept.push(path);
  }
  return summary;
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** `insideOutput`, or `undefined` for a path that would leave the folder. */
export function tryInsideOutput(outDir: string, path: string): string | undefined {
  try {
    return insideOutput(outDir, path);
  } catch {
    return undefined;
  }
}

/** Thrown when writing a file would follow a symlink out of the output folder. */
export class UnsafeOutputError extends Error {}

/**
 * Whether a target's deepest existing folder is really inside `outDir` (no symlink
 * leads out), with each folder's real path looked up once.
 */
function folderCheck(outDir: string): (target: string) => boolean {
  const root = realpathOrUndefined(outDir);
  const verdicts = new Map<string, boolean>();
  const check = (folder: string): boolean => {
    let verdict = verdicts.get(folder);
    if (verdict === undefined) {
      const real = realpathOrUndefined(folder);
      verdict = real === undefined ? check(dirname(folder)) : real === root || real.startsWith(`${root}${sep}`);
      verdicts.set(folder, verdict);
    }
    return verdict;
  };
  // Nothing exists yet, so nothing can lead out.
  return (target) => root === undefined || check(dirname(target));
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The absolute path of an output file; refuses any path that would leave `outDir`. */
export function insideOutput(outDir: string, path: string): string {
  const normalized = normalize(path);
  if (isAbsolute(path) || normalized.startsWith(`..${sep}`) || normalized === ".." || path.includes("\0")) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return join(outDir, normalized);
}
