/**
 * The package as users meet it: packed, installed from the tarball into a new project with npm
 * (and with pnpm), set up and run with the README's own commands, imported from plain Node
 * (ESM and CommonJS), type-checked by a consumer under strict flags without skipLibCheck, and
 * run with node_modules read-only. Installing needs the npm registry (for the dependencies):
 * without it the tests are skipped, unless MDMODEL_CONSUMER=required (CI), which makes that a failure.
 */
import { execFile } from "node:child_process";
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSyntheticCorpus } from "../bench/synthetic-corpus.js";

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const PACKAGE = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a shell command line in `cwd`; never throws, so a failure shows its output in the assertion. */
async function sh(cwd: string, line: string, env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec("sh", ["-c", line], {
      cwd,
      env: { ...process.env, ...env, npm_config_update_notifier: "false" },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? String(error),
    };
  }
}

async function ok(cwd: string, line: string, env?: Record<string, string>): Promise<string> {
  const run = await sh(cwd, line, env);
  if (run.code !== 0) throw new Error(`\`${line}\` exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** The README's commands for a user's own project: the `sh` block under "Use it in your project". */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const section = /^## Use it in your project\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "");
}

const registry =
  process.env["MDMODEL_CONSUMER"] === "required"
    ? true
    : (await sh(ROOT, "npm ping --fetch-timeout=8000 --fetch-retries=0")).code === 0;
if (!registry)
  console.warn(
    "consumer tests skipped: the npm registry is not reachable (MDMODEL_CONSUMER=required makes this a failure)",
  );

let work: string;
let tarball: string;
let files: string[];
let size: number;

beforeAll(async () => {
  if (!registry) return;
  work = await mkdtemp(join(tmpdir(), "mdmodel-consumer-"));
  await chmod(work, 0o755);
  const [packed] = JSON.parse(
    await ok(ROOT, `npm pack --json --silent --pack-destination ${JSON.stringify(work)}`),
  ) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
  tarball = join(work, packed!.filename);
  files = packed!.files.map((file) => file.path).sort();
  size = packed!.size;
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * A fixture's docs through the installed command in `project` (into `<name>-out`), then compiled
 * with the consumer's own TypeScript into `<name>-js`, for Node to run; the command's outcome.
 */
async function generateAndCompile(project: string, fixture: string, name: string, flags = ""): Promise<Run> {
  const docs = `${name}-docs`;
  await cp(join(ROOT, "test", "fixtures", fixture, "docs"), join(project, docs), { recursive: true });
  const run = await sh(project, `npx mdmodel generate --input ${docs} --out ${name}-out ${flags}`);
  expect(run, run.stderr).toMatchObject({ code: 0 });
  const tsconfig = {
    compilerOptions: {
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      exactOptionalPropertyTypes: true,
      outDir: `${name}-js`,
      types: [],
    },
    include: [`${name}-out`],
  };
  await writeFile(join(project, `tsconfig.${name}.json`), JSON.stringify(tsconfig, null, 2));
  const compiled = await sh(project, `npx tsc -p tsconfig.${name}.json`);
  expect(compiled, compiled.stdout).toMatchObject({ code: 0 });
  return run;
}

describe.runIf(registry)("the packed package", () => {
  test("ships built code, declarations, the templates and the config schema, and nothing for tests", () => {
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("dist/bin/mdmodel.js");
    expect(files).toContain("dist/engine/worker.js");
    expect(files).toContain("dist/parse/markdown-stack.js");
    expect(files).toContain("dist/config/mdmodel.config.schema.json");
    expect(files).toContain("templates/runtime.ts");
    expect(files).toContain("docs/architecture.md");
    expect(
      files.filter((path) => !/^(dist\/|templates\/|docs\/[\w-]+\.md$|package\.json$|README\.md$|LICENSE)/.test(path)),
    ).toEqual([]);
    expect(
      files.filter((path) => /\.ts$/.test(path) && !path.endsWith(".d.ts") && path !== "templates/runtime.ts"),
    ).toEqual([]);
    // The markdown bundle carries a YAML parser for front matter since the .mdx docs (about 60 kB packed);
    // the readers of four generators' pages came next (about 20 kB); then docs/, which the README links to (about 35 kB),
    // and docs/performance.md grows with each measured change (400.7 kB when this limit was 400 kB).
    expect(size).toBeLessThan(410_000);
  });

  test("the README's package figures are the package's: its file count, and its packed size within 5%", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const [, count, kilobytes] = /`package\.json`: (\d+) files, (\d+) kB packed/.exec(readme) ?? [];
    expect(Number(count), "the README's file count").toBe(files.length);
    expect(
      Math.abs(Number(kilobytes) * 1000 - size) / size,
      `the README says ${kilobytes} kB; the tarball is ${(size / 1000).toFixed(1)} kB`,
    ).toBeLessThan(0.05);
  });

  test("installs with npm and works through the README's commands: init, generate, check, drift", async () => {
    const project = join(work, "npm-project");
    await mkdir(project);
    await writeFile(
      join(project, "package.json"),
      `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
    );
    await cp(join(ROOT, "seeds"), join(project, "docs"), { recursive: true });
    const commands = await readmeCommands();
    expect(commands[0]).toBe("npm i -D mdmodel");
    await ok(project, `npm i -D --no-audit --no-fund ${JSON.stringify(tarball)}`);
    const installed = (await ok(project, "npm ls --all --parseable")).trim().split("\n").slice(1);
    expect(installed.filter((path) => /esbuild|typescript$|vitest|tsx$/.test(path))).toEqual([]);
    const megabytes = Number((await ok(project, "du -sm node_modules")).split(/\s/)[0]);
    console.info(
      `consumer install: ${installed.length} packages, ${megabytes} MB; tarball ${files.length} files, ${(size / 1000).toFixed(1)} kB`,
    );
    // The README's install figures are these: the package count exactly, the megabytes within 20%.
    const [, packages, readmeMegabytes] =
      /Installed into a new project it brings (\d+) packages, (\d+) MB/.exec(
        await readFile(join(ROOT, "README.md"), "utf8"),
      ) ?? [];
    expect(Number(packages), "the README's package count").toBe(installed.length);
    expect(
      Math.abs(Number(readmeMegabytes) - megabytes) / megabytes,
      `the README says ${readmeMegabytes} MB; the install is ${megabytes} MB`,
    ).toBeLessThan(0.2);
    for (const line of commands.slice(1)) await ok(project, line);
    const scripts = (
      JSON.parse(await readFile(join(project, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts).toMatchObject({ generate: "mdmodel generate", "generate:check": "mdmodel generate --check" });
    const config = JSON.parse(await readFile(join(project, "mdmodel.config.json"), "utf8")) as Record<string, string>;
    expect(config).toEqual({
      $schema: "./node_modules/mdmodel/dist/config/mdmodel.config.schema.json",
      input: "docs",
      out: "src/models",
    });
    await readFile(join(project, config["$schema"]!), "utf8");
    expect(await readFile(join(project, "src/models/index.ts"), "utf8")).toContain("export");

    expect((await ok(project, "npx mdmodel --version")).trim()).toBe(PACKAGE.version);
    const doc = join(project, "docs/models/shared/address.md");
    const text = await readFile(doc, "utf8");
    await writeFile(doc, text.replace("City or town", "City, town or village"));
    const drift = await sh(project, "npm run --silent generate:check");
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("stale: src/models/models/shared/address.ts");
    // The fix is the project's own script: `mdmodel` is not on the PATH outside npm scripts.
    expect(drift.stderr).toContain("run `npm run generate` and commit");
    await writeFile(doc, text);
    expect((await sh(project, "npm run --silent generate:check")).code).toBe(0);
  }, 240_000);

  test("the API loads from plain Node, as ESM and through require", async () => {
    const project = join(work, "npm-project");
    await writeFile(
      join(project, "api.mjs"),
      `import { diffDocs, DIFF_RULES, generate, loadDocs, loadRuntimeTemplate } from "mdmodel";
const docs = await loadDocs("docs");
const result = await generate({ docs, runtimeTemplate: await loadRuntimeTemplate() });
const edited = docs.filter((doc) => !doc.path.endsWith("createcustomer.md"));
const { changes } = diffDocs(docs, edited);
console.log(JSON.stringify({ files: result.files.length, models: result.stats.models, changes: changes.map((change) => [change.rule, DIFF_RULES[change.rule].readers]) }));
`,
    );
    expect(JSON.parse(await ok(project, "node api.mjs"))).toEqual({
      files: 14,
      models: 11,
      changes: [["model-removed", "breaking"]],
    });
    await writeFile(
      join(project, "api.cjs"),
      `const { generate, resolveConfig } = require("mdmodel");\nconsole.log(typeof generate, resolveConfig().nulls);\n`,
    );
    const required = await sh(project, "node api.cjs");
    expect(required).toMatchObject({ code: 0, stdout: "function optional\n", stderr: "" });
  }, 120_000);

  test("a TypeScript consumer type-checks the API and the generated code under nodenext and bundler, without skipLibCheck", async () => {
    const project = join(work, "npm-project");
    await ok(project, "npm i -D --no-audit --no-fund typescript@5 @types/node@20");
    await writeFile(
      join(project, "consumer.ts"),
      `import { generate, loadDocs, loadRuntimeTemplate, type GenerateResult } from "mdmodel";
import { AddressBuilder, isOrder, validateAddress, type Address } from "./src/models/index.js";

const result: GenerateResult = await generate({ docs: await loadDocs("docs"), runtimeTemplate: await loadRuntimeTemplate(), config: { nulls: "optional" } });
const paths: string[] = result.files.map((file) => file.path);
const address: Address = new AddressBuilder().line1("1 Main St").city("Springfield").country("US").build();
const checked = validateAddress(address);
if (checked.ok) console.log(checked.value.city, paths.length, isOrder({}));
`,
    );
    for (const [module, moduleResolution] of [
      ["nodenext", "nodenext"],
      ["esnext", "bundler"],
    ]) {
      const tsconfig = {
        compilerOptions: {
          target: "es2022",
          module,
          moduleResolution,
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          noEmit: true,
          types: ["node"],
        },
        include: ["consumer.ts", "src"],
      };
      await writeFile(join(project, `tsconfig.${moduleResolution}.json`), JSON.stringify(tsconfig, null, 2));
      const checked = await sh(project, `npx tsc -p tsconfig.${moduleResolution}.json`);
      expect(checked, moduleResolution).toMatchObject({ code: 0, stdout: "" });
    }
  }, 240_000);

  test("a Python SDK's docs through the installed command: the dialect named, camelCase TypeScript, snake_case JSON, run from plain Node", async () => {
    const project = join(work, "npm-project");
    const run = await generateAndCompile(project, "dialect-python", "py");
    expect(run.stdout).toMatch(/^mdmodel: 8 Python docs read, 8 models/);
    const script = `const { parseJob, jobToWire } = await import("./py-js/models/job.js");
const parsed = parseJob({ id: "j", created_at: "2024-08-23T06:20:02.699Z", attempts: 2, note: null, status: "done", kind: "job", owner: { user_id: "u" } });
console.log(JSON.stringify([parsed.ok, parsed.value.createdAt instanceof Date, parsed.value.owner, Object.keys(jobToWire(parsed.value)), parseJob({ attempts: 1.5 }).ok]));`;
    expect(JSON.parse(await ok(project, `node --input-type=module -e '${script}'`))).toEqual([
      true,
      true,
      { userId: "u" },
      ["id", "created_at", "attempts", "note", "owner", "status", "kind"],
      false,
    ]);
  }, 240_000);

  test("--type-check all and --outputs through the installed command: no file marked // @ts-nocheck, every body compiled by the project's tsc, the same parse from plain Node", async () => {
    const project = join(work, "npm-project");
    await generateAndCompile(project, "dialect-python", "nocheck", "--type-check all --outputs wire");
    const module = await readFile(join(project, "nocheck-out", "models", "job.ts"), "utf8");
    expect(module.split("\n").slice(0, 3)).toEqual([
      "// Code generated by mdmodel from models/job.md. DO NOT EDIT.",
      "",
      'import * as $ from "../runtime.js";',
    ]);
    expect(module).toContain("export function parseJob");
    expect(module).not.toContain("JobSchema");
    const script = `const { parseJob } = await import("./nocheck-js/models/job.js");
const parsed = parseJob({ id: "j", created_at: "2024-08-23T06:20:02.699Z", attempts: 2, note: null, status: "done", kind: "job", owner: { user_id: "u" } });
console.log(JSON.stringify([parsed.ok, parsed.value.createdAt instanceof Date, parseJob({ attempts: 1.5 }).ok]));`;
    expect(JSON.parse(await ok(project, `node --input-type=module -e '${script}'`))).toEqual([true, true, false]);
  }, 240_000);

  test("a Go SDK's .mdx docs (Speakeasy's Mintlify mode) through the installed command: front matter titles, wire names from the examples, run from plain Node", async () => {
    const project = join(work, "npm-project");
    const run = await generateAndCompile(project, "dialect-go-mdx", "mdx");
    expect(run.stdout).toMatch(/^mdmodel: 7 Go docs read, 5 models \(3 objects, 1 enum, 1 union\), 2 skipped/);
    const script = `const { parseCarrier, carrierToWire } = await import("./mdx-js/models/components/carrier.js");
const { ShipmentStatus } = await import("./mdx-js/models/components/shipmentstatus.js");
const parsed = parseCarrier({ name: "DHL", tracking_url: "https://example.com/t/1" });
console.log(JSON.stringify([parsed.ok, parsed.value, Object.keys(carrierToWire(parsed.value)), ShipmentStatus.InTransit]));`;
    expect(JSON.parse(await ok(project, `node --input-type=module -e '${script}'`))).toEqual([
      true,
      { name: "DHL", trackingUrl: "https://example.com/t/1" },
      ["name", "tracking_url"],
      "in_transit",
    ]);
  }, 240_000);

  test("an APIMatic SDK's docs through the installed command: the family named, names from the code lines, wire names from the JSON examples, run from plain Node", async () => {
    const project = join(work, "npm-project");
    const run = await generateAndCompile(project, "family-apimatic", "apimatic");
    expect(run.stdout).toMatch(
      /^mdmodel: 5 APIMatic TypeScript docs read, 4 models \(2 objects, 1 enum, 1 union\), 1 skipped/,
    );
    expect(run.stderr).toContain("[enum-values-assumed]");
    const script = `const { parseAccountBalance, accountBalanceToWire } = await import("./apimatic-js/models/account-balance.js");
const parsed = parseAccountBalance({ balance_in_cents: 16, currency: "USD", state: "on_hold", quantity: "2" });
console.log(JSON.stringify([parsed.ok, parsed.value.balanceInCents === 16n, parsed.value.state, Object.keys(accountBalanceToWire(parsed.value)), parseAccountBalance({ currency: "USD", state: "paused" }).ok]));`;
    expect(JSON.parse(await ok(project, `node --input-type=module -e '${script}'`))).toEqual([
      true,
      true,
      "on_hold",
      ["balance_in_cents", "currency", "state", "quantity"],
      false,
    ]);
  }, 240_000);

  test("runs with node_modules read-only (a cached CI image, a user who does not own it)", async () => {
    const project = join(work, "npm-project");
    const out = join(project, "read-only-out");
    await mkdir(out);
    await sh(project, "chmod -R a-w node_modules");
    try {
      // Root may write anywhere, so as root the run is made as the unprivileged user "nobody".
      const asRoot = process.getuid?.() === 0;
      if (asRoot) {
        await chown(out, 65534, 65534);
        await sh(project, "chmod -R a+rX .");
      }
      const command = `${asRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp " : ""}node node_modules/mdmodel/dist/bin/mdmodel.js generate --input docs --out read-only-out`;
      const run = await sh(project, command);
      expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toMatch(/14 files written/);
    } finally {
      await sh(project, "chmod -R u+w node_modules");
    }
  }, 120_000);

  test("installs with pnpm (its strict node_modules layout) and runs there", async () => {
    const project = join(work, "pnpm-project");
    await mkdir(project);
    await writeFile(
      join(project, "package.json"),
      `${JSON.stringify({ name: "consumer-pnpm", private: true, type: "module" }, null, 2)}\n`,
    );
    await cp(join(ROOT, "seeds"), join(project, "docs"), { recursive: true });
    const pnpm = "npx --yes pnpm@10";
    await ok(project, `${pnpm} add -D ${JSON.stringify(tarball)}`);
    const run = await sh(project, `${pnpm} exec mdmodel generate --input docs --out out`);
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
    expect((await sh(project, `${pnpm} exec mdmodel generate --input docs --out out --check`)).code).toBe(0);
    expect(
      await ok(
        project,
        `node --input-type=module -e 'const { generate } = await import("mdmodel"); console.log(typeof generate)'`,
      ),
    ).toBe("function\n");
    // Enough docs for worker threads, which start from the installed dist/ too.
    await writeSyntheticCorpus(join(project, "many"), 150);
    const many = await sh(project, `${pnpm} exec mdmodel generate --input many --out many-out`);
    expect(many, many.stderr).toMatchObject({ code: 0 });
    expect(many.stdout).toMatch(/^mdmodel: 150 TypeScript docs read, 150 models/);
  }, 240_000);
});
