/**
 * Writes generated files into the output folder: identical files are left alone, each
 * file is written to a temporary name and renamed, and files an earlier run wrote that
 * no doc produces now are removed. Nothing else in the folder is touched.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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
    await rm(insideOutput(outDir, path), { force: true });
    summary.removed.push(path);
  }
  return summary;
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
