/**
 * A fingerprint of the generator itself: its version, its sources and templates, and the
 * formatter's version. Output is a function of this, the config and the docs, so a
 * manifest that records all three can vouch for an output folder without regenerating.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** sha256 over mdmodel's version, every file under src/ and templates/, and prettier's version. */
export async function generatorFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
  const prettier = JSON.parse(await readFile(join(ROOT, "node_modules", "prettier", "package.json"), "utf8")) as { version: string };
  hash.update(`mdmodel ${pkg.version}\nprettier ${prettier.version}\n`);
  for (const folder of ["src", "templates"]) {
    const files = (await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(`${file.slice(ROOT.length)}\n`).update(await readFile(file));
  }
  return hash.digest("hex");
}
