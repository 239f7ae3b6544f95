/**
 * `mdmodel init`: sets a project up. Writes `mdmodel.config.json` (with the `$schema` that
 * editors complete from), adds the `generate` and `generate:check` scripts to package.json
 * where absent, and prints the CI step. Everything is checked before anything is written,
 * and an existing config is overwritten only when the user says so (or `--force`).
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_FILE } from "../config/check.js";
import { CONFIG_FILE } from "../config/load.js";
import { PACKAGE, PACKAGE_ROOT } from "../package-info.js";
import { EXIT, type CliIo } from "./io.js";

export const SCRIPTS = { generate: "mdmodel generate", "generate:check": "mdmodel generate --check" } as const;

const CI_STEP = `A CI step that fails when the committed output no longer matches the docs (GitHub Actions):

  - run: npm ci
  - run: npm run generate:check`;

/** Runs `mdmodel init` with parsed options; returns the exit code. */
export async function runInit(values: Readonly<Record<string, string | boolean | undefined>>, io: CliIo): Promise<number> {
  const input = typeof values["input"] === "string" ? values["input"] : "docs";
  const out = typeof values["out"] === "string" ? values["out"] : "src/models";
  const configPath = join(io.cwd, CONFIG_FILE);
  const packagePath = join(io.cwd, "package.json");

  // The package.json edit is worked out first: a broken package.json leaves everything as it was.
  const packageEdit = existsSync(packagePath) ? planScripts(readFileSync(packagePath, "utf8")) : undefined;
  if (packageEdit && "error" in packageEdit) {
    io.stderr(`mdmodel: cannot add the scripts: package.json ${packageEdit.error}; nothing written`);
    return EXIT.usage;
  }
  if (existsSync(configPath) && values["force"] !== true) {
    const overwrite = io.confirm ? await io.confirm(`${CONFIG_FILE} exists. Overwrite it?`) : undefined;
    if (overwrite === undefined) {
      io.stderr(`mdmodel: ${CONFIG_FILE} exists; run \`mdmodel init --force\` to overwrite it. Nothing written`);
      return EXIT.usage;
    }
    if (!overwrite) {
      io.stdout(`mdmodel: ${CONFIG_FILE} left as it was; nothing written`);
      return EXIT.ok;
    }
  }

  const config = { $schema: schemaReference(io.cwd), input, out };
  try {
    const writes: Array<[string, string]> = [[configPath, `${JSON.stringify(config, null, 2)}\n`]];
    if (packageEdit && packageEdit.added.length > 0) writes.push([packagePath, packageEdit.text]);
    writeAll(writes);
  } catch (error) {
    io.stderr(`mdmodel: cannot write in ${io.cwd}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  io.stdout(`mdmodel: wrote ${CONFIG_FILE} (docs from ${input}, TypeScript into ${out})`);
  if (packageEdit === undefined) {
    io.stdout(`No package.json here: add these scripts to yours:\n${Object.entries(SCRIPTS).map(([name, command]) => `  "${name}": "${command}"`).join("\n")}`);
  } else if (packageEdit.added.length > 0) {
    io.stdout(`mdmodel: added the ${packageEdit.added.map((name) => `"${name}"`).join(" and ")} script${packageEdit.added.length === 1 ? "" : "s"} to package.json`);
  } else {
    io.stdout("mdmodel: package.json already has the generate scripts");
  }
  io.stdout(`\nRun \`npm run generate\` to write ${out}, and commit it.\n\n${CI_STEP}`);
  return EXIT.ok;
}

/** package.json with the scripts it lacks added, keeping its indentation; or why it cannot be edited. */
export function planScripts(text: string): { text: string; added: string[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `is not valid JSON (${(error as Error).message})` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { error: "is not a JSON object" };
  const manifest = json as Record<string, unknown>;
  const scripts = manifest["scripts"] ?? {};
  if (typeof scripts !== "object" || scripts === null || Array.isArray(scripts)) return { error: 'has a "scripts" that is not an object' };
  const added = Object.keys(SCRIPTS).filter((name) => !Object.hasOwn(scripts, name));
  if (added.length === 0) return { text, added };
  const next = { ...manifest, scripts: { ...scripts, ...Object.fromEntries(added.map((name) => [name, SCRIPTS[name as keyof typeof SCRIPTS]])) } };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? 2;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  return { text: `${JSON.stringify(next, null, indent).replace(/\n/g, newline)}${newline}`, added };
}

/**
 * The config's `$schema`: the schema in `node_modules/mdmodel` when the project has it
 * installed there (so the path holds for every teammate), else wherever this mdmodel is.
 */
function schemaReference(cwd: string): string {
  const schema = fileURLToPath(new URL(`../config/${SCHEMA_FILE}`, import.meta.url));
  const inPackage = relative(PACKAGE_ROOT, schema).split(sep).join("/");
  if (existsSync(join(cwd, "node_modules", PACKAGE.name, inPackage))) return `./node_modules/${PACKAGE.name}/${inPackage}`;
  const path = relative(cwd, schema).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/** Writes every file to a temporary name first, then renames them all: a full disk leaves nothing half-done. */
function writeAll(writes: ReadonlyArray<[path: string, text: string]>): void {
  const temporaries = writes.map(([path]) => `${path}.${process.pid}.tmp`);
  try {
    writes.forEach(([, text], i) => writeFileSync(temporaries[i]!, text));
  } catch (error) {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    throw error;
  }
  writes.forEach(([path], i) => renameSync(temporaries[i]!, path));
}
