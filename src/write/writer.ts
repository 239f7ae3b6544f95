/**
 * Writes generated files into the output folder: identical files are left alone, each
 * file is written to a temporary name and renamed, and files an earlier run wrote that
 * no doc produces now are removed. Nothing else in the folder is touched.
 */
import { mkdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import type { OutputFile } from "../emit/module.js";
import { MANIFEST_PATH, parseManifest } from "./manifest.js";

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Writes `files` under `outDir` and removes what the previous manifest lists and they do not. */
export async function writeOutput(outDir: string, files: readonly OutputFile[]): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
  const previous = parseManifest(await readText(join(outDir, MANIFEST_PATH)));
  // Every target is checked before anything is written, so a refusal changes nothing.
  for (const file of files) await assertNoSymlinkEscape(outDir, insideOutput(outDir, file.path));
  for (const file of files) {
    const target = insideOutput(outDir, file.path);
    if ((await readText(target)) === file.content) {
      summary.unchanged.push(file.path);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, file.content);
    await rename(temporary, target);
    summary.written.push(file.path);
  }
  const current = new Set(files.map((file) => file.path));
  for (const path of Object.keys(previous?.files ?? {})) {
    if (current.has(path)) continue;
    // The manifest is read from disk, so it is never trusted: entries that leave the folder are ignored.
    const target = tryInsideOutput(outDir, path);
    if (target === undefined || !(await staysInside(outDir, target))) continue;
    await rm(target, { force: true });
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

async function assertNoSymlinkEscape(outDir: string, target: string): Promise<void> {
  if (!(await staysInside(outDir, target))) {
    throw new UnsafeOutputError(`refusing to write ${target}: a symlink in the output folder leads out of it`);
  }
}

/** Whether the deepest existing folder above `target` is really inside `outDir`. */
async function staysInside(outDir: string, target: string): Promise<boolean> {
  const root = await realpathOrUndefined(outDir);
  if (root === undefined) return true; // nothing exists yet, so nothing can lead out
  let folder = dirname(target);
  for (;;) {
    const real = await realpathOrUndefined(folder);
    if (real !== undefined) return real === root || real.startsWith(`${root}${sep}`);
    folder = dirname(folder);
  }
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
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

/** A file's text, or `undefined` if it does not exist. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
