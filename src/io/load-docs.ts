/** Reads the input folder: every `.md` file under it, with paths relative to it. */
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join, relative, sep } from "node:path";
import type { SourceDoc } from "../shared/source-doc.js";

/** Every markdown doc under `folder`, in a stable order. */
export async function loadDocs(folder: string): Promise<SourceDoc[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  // Read synchronously: for many small files, far faster than a thread-pool round trip each.
  return paths.map((path) => ({ path: relative(folder, path).split(sep).join("/"), text: readFileSync(path, "utf8") }));
}

/** The runtime template shipped with mdmodel. */
export async function loadRuntimeTemplate(): Promise<string> {
  return readFile(fileURLToPath(new URL("../../templates/runtime.ts", import.meta.url)), "utf8");
}
