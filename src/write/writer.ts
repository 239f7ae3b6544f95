/**
 * Writes generated files into the output folder: identical files are left alone, each
 * file is written to a temporary name and renamed, and files an earlier run wrote that
 * no doc produces now are removed. Nothing else in the folder is touched.
 */
// Synchronous calls: a run touches thousands of small files, and each asynchronous call
// is a round trip through the thread pool that costs more than the read itself.
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { readText } from "../shared/read-text.js";
import type { OutputFile } from "../shared/output-file.js";
import { MANIFEST_PATH, parseManifest, sameOutput } from "./manifest.js";

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Writes `files` under `outDir` and removes what the previous manifest lists and they do not. */
export async function writeOutput(outDir: string, files: readonly OutputFile[], onProgress?: (done: number, total: number) => void): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
  const previous = parseManifest(readText(join(outDir, MANIFEST_PATH)));
  const inside = folderCheck(outDir);
  // Every target is checked before anything is written, so a refusal changes nothing.
  for (const file of files) {
    const target = insideOutput(outDir, file.path);
    if (!inside(target)) throw new UnsafeOutputError(`refusing to write ${target}: a symlink in the output folder leads out of it`);
  }
  const made = new Set<string>();
  for (const [index, file] of files.entries()) {
    onProgress?.(index + 1, files.length);
    const target = insideOutput(outDir, file.path);
    const onDisk = readText(target);
    // A manifest that differs only in who made the files (an upgrade that changed no output) stays as it is.
    if (onDisk === file.content || (file.path === MANIFEST_PATH && onDisk !== undefined && sameOutput(onDisk, file.content))) {
      summary.unchanged.push(file.path);
      continue;
    }
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, file.content);
    renameSync(temporary, target);
    summary.written.push(file.path);
  }
  const current = new Set(files.map((file) => file.path));
  for (const path of Object.keys(previous?.files ?? {})) {
    if (current.has(path)) continue;
    // The manifest is read from disk, so it is never trusted: entries that leave the folder are ignored.
    const target = tryInsideOutput(outDir, path);
    if (target === undefined || !inside(target)) continue;
    rmSync(target, { force: true });
    summary.removed.push(path);
  }
  return summary;
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
