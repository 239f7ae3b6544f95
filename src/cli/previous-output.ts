/**
 * The output folder as a run may reuse it, and what the drift check may trust of it. A run
 * that writes trusts the folder's own manifest: it is the user's output. `--check` must not
 * trust what the change under review holds, so it takes a manifest only from a base ref
 * (`--base`: that commit's manifest, read with git from the working folder's repository) or
 * one this machine wrote or checked itself (recorded in the cache folder); else it
 * regenerates everything. Every answer comes from the one reading of the folder
 * (`write/output-folder.ts`). See SECURITY.md.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PreviousOutput } from "../generate.js";
import { readFileAtRef, type Repository } from "../io/git-docs.js";
import { sha256Hex } from "../shared/hash.js";
import { readRegularFile } from "../shared/read-text.js";
import { MANIFEST_PATH, parseManifest } from "../write/manifest.js";
import type { OutputFolder } from "../write/output-folder.js";

/** Where a run's previous output comes from, and so how far it is trusted. */
export interface TrustedOutput {
  previous: PreviousOutput;
  /** `base` (the manifest of a ref), `local` (one this machine wrote or checked) or `folder` (the folder's own, for a run that writes). */
  source: "base" | "local" | "folder";
  /** The trusted manifest's text. */
  manifestText: string;
  /** The manifest text as it is in the folder now. */
  folderManifest: string | undefined;
}

/** The output a run that writes reuses: the folder's own manifest, when it has one. */
export function folderOutput(folder: OutputFolder): TrustedOutput | undefined {
  const { manifest, manifestText } = folder;
  return (
    manifest && {
      previous: { manifest, read: folder.read },
      source: "folder",
      manifestText: manifestText!,
      folderManifest: manifestText,
    }
  );
}

/** The output `--check --base REF` trusts: the manifest the ref holds for this folder (none when it has none). Throws GitDocsError. */
export function baseOutput(folder: OutputFolder, repository: Repository, ref: string): TrustedOutput | undefined {
  const text = readFileAtRef(repository, folder.dir, ref, MANIFEST_PATH);
  const manifest = parseManifest(text);
  return (
    manifest && {
      previous: { manifest, read: folder.read },
      source: "base",
      manifestText: text!,
      folderManifest: folder.manifestText,
    }
  );
}

/** The output a `--check` without `--base` trusts: the folder's manifest, only when this machine wrote or checked exactly it. */
export function locallyVerifiedOutput(folder: OutputFolder, cacheDir: string): TrustedOutput | undefined {
  const { manifest, manifestText } = folder;
  if (manifestText === undefined || verified(cacheDir)[folder.dir] !== sha256Hex(manifestText)) return undefined;
  return (
    manifest && {
      previous: { manifest, read: folder.read },
      source: "local",
      manifestText,
      folderManifest: manifestText,
    }
  );
}

/** Records that this machine wrote or checked the manifest `text` of `outDir`; a cache that cannot be written only makes the next check slower. */
export function recordVerified(outDir: string, cacheDir: string, text: string): void {
  const record = { ...verified(cacheDir), [outDir]: sha256Hex(text) };
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = join(cacheDir, `verified.json.${process.pid}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(record)}\n`);
    renameSync(temporary, join(cacheDir, "verified.json"));
  } catch {
    // Read-only or missing node_modules.
  }
}

function verified(cacheDir: string): Record<string, string> {
  try {
    const value = JSON.parse(
      readRegularFile(join(cacheDir, "verified.json"), { maxBytes: 16 * 1024 * 1024 })?.text ?? "{}",
    ) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}
