/**
 * `mdmodel init`: sets a project up. Writes `mdmodel.config.json` (with the `$schema` that
 * editors complete from), adds the `generate` and `generate:check` scripts to package.json
 * where absent, and prints the CI step. Everything is checked before anything is written,
 * and an existing config is overwritten only when the user says so (or `--force`).
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_FILE } from "../config/check.js";
import { CONFIG_FILE } from "../config/load.js";
import { PACKAGE, PACKAGE_ROOT } from "../package-info.js";
import { readRegularFile, UnreadableFileError } from "../shared/read-text.js";
import { EXIT, type CliIo } from "./io.js";
import { printable } from "./report/printable.js";
import type { OptionValues } from "./usage.js";

export const SCRIPTS = { generate: "mdmodel generate", "generate:check": "mdmodel generate --check" } as const;

/**
 * The CI jobs `init` prints, which the README shows verbatim (a test holds them equal). A pull
 * request is checked against its target branch's committed output (`--base`: only what the
 * change reaches is made again, and nothing the pull request holds is trusted); a push takes
 * the full check.
 */
export const GITHUB_ACTIONS_JOB = `name: models
on: [push, pull_request]
jobs:
  generated-models:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - uses: actions/setup-node@v4
        with: { node-version: 22, cache: npm }
      - run: npm ci
      - run: npx mdmodel generate --check --base origin/\${{ github.base_ref }}
        if: github.event_name == 'pull_request'
      - run: npm run generate:check
        if: github.event_name != 'pull_request'`;

export const GITLAB_CI_JOB = `generated-models:
  image: node:22
  script:
    - npm ci
    - |
      if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then
        git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
        npx mdmodel generate --check --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
      else
        npm run generate:check
      fi`;

const indent = (text: string) => text.replace(/^/gm, "  ");

const CI_STEP = `A CI job that fails when the committed output no longer matches the docs; on a pull request
it checks against the target branch's committed output, which is fast and trusts nothing the
pull request holds. GitHub Actions (.github/workflows/models.yml):

${indent(GITHUB_ACTIONS_JOB)}

GitLab CI (.gitlab-ci.yml):

${indent(GITLAB_CI_JOB)}`;

/** Runs `mdmodel init` with parsed options; returns the exit code. */
export async function runInit(values: OptionValues, io: CliIo): Promise<number> {
  const input = typeof values["input"] === "string" ? values["input"] : "docs";
  const out = typeof values["out"] === "string" ? values["out"] : "src/models";
  const configPath = join(io.cwd, CONFIG_FILE);
  const packagePath = join(io.cwd, "package.json");

  // The package.json edit is worked out first: a broken package.json leaves everything as it was.
  let packageText: string | undefined;
  try {
    // Written back by a rename: a link would be replaced by a file, so a link is refused, as a folder or a device is.
    packageText = readRegularFile(packagePath, { maxBytes: 16 * 1024 * 1024 })?.text;
  } catch (error) {
    const why =
      error instanceof UnreadableFileError
        ? { link: "is a symbolic link", "not-a-file": "is not a regular file", "too-large": "is over 16 MB" }[error.why]
        : printable((error as Error).message);
    io.stderr(
      `mdmodel: cannot add the scripts: package.json ${why}; add them by hand (mdmodel init --help); nothing written`,
    );
    return EXIT.usage;
  }
  const packageEdit = packageText === undefined ? undefined : planScripts(packageText);
  if (packageEdit && "error" in packageEdit) {
    io.stderr(`mdmodel: cannot add the scripts: package.json ${packageEdit.error}; nothing written`);
    return EXIT.usage;
  }
  if (existsSync(configPath) && values["force"] !== true) {
    const overwrite = io.confirm ? await io.confirm(`${CONFIG_FILE} exists. Overwrite it?`) : undefined;
    if (overwrite === undefined) {
      io.stderr(`mdmodel: ${CONFIG_FILE} exists; run \`npx mdmodel init --force\` to overwrite it. Nothing written`);
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
    io.stderr(`mdmodel: cannot write in ${printable(io.cwd)}: ${printable((error as Error).message)}`);
    return EXIT.usage;
  }
  io.stdout(`mdmodel: wrote ${CONFIG_FILE} (docs from ${printable(input)}, TypeScript into ${printable(out)})`);
  if (packageEdit === undefined) {
    io.stdout(
      `No package.json here: add these scripts to yours:\n${Object.entries(SCRIPTS)
        .map(([name, command]) => `  "${name}": "${command}"`)
        .join("\n")}`,
    );
  } else if (packageEdit.added.length > 0) {
    io.stdout(
      `mdmodel: added the ${packageEdit.added.map((name) => `"${name}"`).join(" and ")} script${packageEdit.added.length === 1 ? "" : "s"} to package.json`,
    );
  } else {
    io.stdout("mdmodel: package.json already has the generate scripts");
  }
  io.stdout(`\nRun \`npm run generate\` to write ${printable(out)}, and commit it.\n\n${CI_STEP}`);
  return EXIT.ok;
}

/**
 * package.json with the scripts it lacks inserted as text, every other byte kept (a byte-order
 * mark, line endings, indentation, numbers too large for a double, one-line arrays); or why it
 * cannot be edited. The JSON is parsed with jsonc-parser, which gives each node's offset.
 */
export function planScripts(text: string): { text: string; added: string[] } | { error: string } {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    return {
      error: `is not valid JSON (${first ? `${printParseErrorCode(first.error)} at offset ${first.offset}` : "empty"})`,
    };
  }
  if (root.type !== "object") return { error: "is not a JSON object" };
  const scripts = findNodeAtLocation(root, ["scripts"]);
  if (scripts !== undefined && scripts.type !== "object") return { error: 'has a "scripts" that is not an object' };
  const has = new Set((scripts?.children ?? []).map((property) => property.children?.[0]?.value as string));
  const added = Object.keys(SCRIPTS).filter((name) => !has.has(name));
  if (added.length === 0) return { text, added };
  const layout = layoutOf(body);
  const entries = (depth: number) =>
    added.map(
      (name) =>
        `${layout.break(depth)}${JSON.stringify(name)}:${layout.space}${JSON.stringify(SCRIPTS[name as keyof typeof SCRIPTS])}`,
    );
  let at: number;
  let insertion: string;
  if (scripts !== undefined) {
    const last = scripts.children?.at(-1);
    // After the last script, or inside an empty `{}`.
    at = last ? last.offset + last.length : scripts.offset + 1;
    insertion = `${last ? "," : ""}${entries(2).join(",")}${last ? "" : layout.break(1)}`;
  } else {
    const last = root.children?.at(-1);
    at = last ? last.offset + last.length : root.offset + 1;
    insertion = `${last ? "," : ""}${layout.break(1)}"scripts":${layout.space}{${entries(2).join(",")}${layout.break(1)}}${last ? "" : layout.break(0)}`;
  }
  return { text: `${bom}${body.slice(0, at)}${insertion}${body.slice(at)}`, added };
}

/** How a JSON text is laid out: its line break and indent unit (none for one-line JSON), and the space after a colon. */
function layoutOf(text: string): { break: (depth: number) => string; space: string } {
  if (!text.trimEnd().includes("\n")) {
    const space = /":\s/.test(text) ? " " : "";
    return { break: () => (space ? " " : ""), space };
  }
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? "  ";
  const space = /":[ \t]/.test(text) || !/":\S/.test(text) ? " " : "";
  return { break: (depth) => `${newline}${indent.repeat(depth)}`, space };
}

/**
 * The config's `$schema`: the schema in `node_modules/mdmodel` when the project has it
 * installed there (so the path holds for every teammate), else wherever this mdmodel is.
 */
function schemaReference(cwd: string): string {
  const schema = fileURLToPath(new URL(`../config/${SCHEMA_FILE}`, import.meta.url));
  const inPackage = relative(PACKAGE_ROOT, schema).split(sep).join("/");
  if (existsSync(join(cwd, "node_modules", PACKAGE.name, inPackage)))
    return `./node_modules/${PACKAGE.name}/${inPackage}`;
  const path = relative(cwd, schema).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/** Writes every file to a temporary name first, then renames them all: a full disk leaves nothing half-done. */
function writeAll(writes: ReadonlyArray<[path: string, text: string]>): void {
  const temporaries = writes.map(([path]) => `${path}.${process.pid}.tmp`);
  try {
    writes.forEach(([, text], i) => {
      rmSync(temporaries[i]!, { force: true });
      // O_EXCL: a link planted at the temporary name is never written through.
      writeFileSync(temporaries[i]!, text, { flag: "wx" });
    });
  } catch (error) {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    throw error;
  }
  writes.forEach(([path], i) => renameSync(temporaries[i]!, path));
}
