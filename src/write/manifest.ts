/** The manifest: the list of files mdmodel wrote, so it removes only its own files. */
import type { OutputFile } from "../emit/module.js";

export const MANIFEST_PATH = ".mdmodel-manifest.json";

export interface Manifest {
  generator: "mdmodel";
  files: string[];
}

/** The manifest file for a set of generated paths. */
export function manifestFile(paths: readonly string[]): OutputFile {
  const manifest: Manifest = { generator: "mdmodel", files: [...paths].sort() };
  return { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** Reads a manifest's text; anything unreadable counts as no manifest. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (
      typeof value === "object" && value !== null && (value as Manifest).generator === "mdmodel" &&
      Array.isArray((value as Manifest).files) && (value as Manifest).files.every((file) => typeof file === "string")
    ) {
      return value as Manifest;
    }
  } catch {
    // Fall through: a corrupt manifest is never trusted.
  }
  return undefined;
}
