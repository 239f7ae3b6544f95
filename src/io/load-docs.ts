/** Reads the input folder: every `.md` and `.mdx` file under it, with paths relative to it. */
import { readFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative, sep } from "node:path";
import { MAX_DOC_BYTES } from "../shared/limits.js";
import { isDocPath } from "../shared/doc-files.js";
import { readRegularFile, UnreadableFileError } from "../shared/read-text.js";
import type { SourceDoc } from "../shared/source-doc.js";

/**
 * Every markdown doc under `folder`, in a stable order. Only regular files are docs (a link is
 * not followed); a doc over `MAX_DOC_BYTES` is read no further than that, with its size on
 * disk in `bytes`, so reading it reports it rather than loading gigabytes.
 */
export async function loadDocs(folder: string): Promise<SourceDoc[]> {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && isDocPath(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  // Read synchronously: for many small files, far faster than a thread-pool round trip each.
  const docs: SourceDoc[] = [];
  for (const path of paths) {
    let file;
    try {
      file = readRegularFile(path, { maxBytes: MAX_DOC_BYTES, truncate: true });
    } catch (error) {
      // Replaced by something else since the folder was listed: not a doc.
      if (error instanceof UnreadableFileError) continue;
      throw error;
    }
    if (file === undefined) continue;
    const doc: SourceDoc = { path: relative(folder, path).split(sep).join("/"), text: file.text };
    docs.push(file.bytes > MAX_DOC_BYTES ? { ...doc, bytes: file.bytes } : doc);
  }
  return docs;
}

/** The runtime template shipped with mdmodel. */
export async function loadRuntimeTemplate(): Promise<string> {
  return readFile(fileURLToPath(new URL("../../templates/runtime.ts", import.meta.url)), "utf8");
}
