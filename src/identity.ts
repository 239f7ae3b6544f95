/**
 * The generator's identity: everything besides the docs, the config and the prettier options
 * that shapes the output. That is mdmodel's version, the code that reads docs and emits and
 * formats modules (its own folder, `dist/` when installed, less the command line), the
 * templates copied into every output, and prettier's version. The manifest records it, so a
 * run can tell that its output was made by this very generator, and the caches are keyed on it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { version as prettierVersion } from "prettier";
import { PACKAGE, PACKAGE_ROOT } from "./package-info.js";

const CODE = fileURLToPath(new URL(".", import.meta.url));

/** Code that never shapes output: the command line, the `mdmodel` bin, declarations. */
function shapesOutput(path: string): boolean {
  const top = path.split(sep)[0];
  return top !== "cli" && top !== "bin" && /\.(js|ts)$/.test(path) && !path.endsWith(".d.ts");
}

let memo: string | undefined;

/** A SHA-256 over mdmodel's version, its output-shaping code, its templates and prettier's version. */
export function generatorIdentity(): string {
  if (memo !== undefined) return memo;
  const hash = createHash("sha256").update(`${PACKAGE.name} ${PACKAGE.version}\nprettier ${prettierVersion}\n`);
  for (const [folder, keep] of [
    [CODE, shapesOutput],
    [join(PACKAGE_ROOT, "templates"), () => true],
  ] as const) {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
      .filter(keep)
      .sort();
    for (const file of files) hash.update(`${file.split(sep).join("/")}\n`).update(readFileSync(join(folder, file)));
  }
  memo = hash.digest("hex");
  return memo;
}
