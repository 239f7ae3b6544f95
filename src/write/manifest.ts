/**
 * The manifest lists every file mdmodel wrote, with a hash of its content, so a run
 * removes only its own files and `--check` can tell a hand-edited file from a stale one.
 */
import { createHash } from "node:crypto";
import type { OutputFile } from "../emit/module.js";

export const MANIFEST_PATH = ".mdmodel-manifest.json";

export interface Manifest {
  generator: "mdmodel";
  /** Output path → sha256 of its content. */
  files: Record<string, string>;
}

/** The sha256 of a text, hex. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The manifest file for a set of generated files. */
export function manifestFile(files: readonly OutputFile[]): OutputFile {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: Manifest = { generator: "mdmodel", files: Object.fromEntries(sorted.map((file) => [file.path, hashText(file.content)])) };
  return { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** Reads a manifest's text; anything unreadable counts as no manifest, never trusted. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Manifest> | null;
    const files = value?.files;
    if (value?.generator !== "mdmodel" || typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
    if (!Object.values(files).every((hash) => typeof hash === "string")) return undefined;
    return { generator: "mdmodel", files: { ...files } };
  } catch {
    return undefined;
  }
}
