/** The generate workflow: config files, --strict/--quiet/--verbose, code frames, prettier, --watch, progress, the API. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { mdmodel, GENERATE_DOCS } from "../helpers/run-cli.js";
import { main, type CliIo } from "../../src/cli/main.js";
import { generate, loadDocs, loadRuntimeTemplate } from "../../src/index.js";
import { md } from "../helpers/generate-folder.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

const WARNING_DOC = md(
  "# Response",
  "## Fields",
  "| Field | Type | Required | Description |",
  "| --- | --- | --- | --- |",
  "| `raw` | [AxiosResponse](https://axios-http.com/docs/res_schema) | :heavy_check_mark: | Raw response |",
);

const work = tempFolderPerTest("workflow", { seedsAt: "docs" });

describe("config", () => {
  test("mdmodel.config.json sets the folders (relative to the file) and the options", async () => {
    await mkdir(join(work.dir, "conf"));
    await writeFile(
      join(work.dir, "conf", "mdmodel.config.json"),
      JSON.stringify({ input: "../docs", out: "../models", externalTypes: { AxiosResponse: "Response" } }),
    );
    await writeFile(join(work.dir, "docs", "response.md"), WARNING_DOC);
    const outcome = await mdmodel(work.dir, "generate", "--config", "conf/mdmodel.config.json");
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe(""); // AxiosResponse is mapped, so no warning
    expect(await readFile(join(work.dir, "models", "response.ts"), "utf8")).toContain("raw: Response;");
  });

  test("the mdmodel key of package.json is read when there is no config file", async () => {
    await writeFile(
      join(work.dir, "package.json"),
      JSON.stringify({ name: "x", mdmodel: { input: "docs", out: "src/gen", enumStyle: "union" } }),
    );
    expect((await mdmodel(work.dir, "generate")).code).toBe(0);
    const status = await readFile(join(work.dir, "src/gen/models/components/orderstatus.ts"), "utf8");
    expect(status).toContain('export type OrderStatus = "pending" | "paid" | "shipped" | "cancelled";');
    expect(status).not.toContain("export const OrderStatus =");
  });

  test("an invalid config is exit 3 with every problem named", async () => {
    await writeFile(
      join(work.dir, "mdmodel.config.json"),
      JSON.stringify({ input: "docs", nuls: "none", anyType: "whatever" }),
    );
    const outcome = await mdmodel(work.dir, "generate");
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toContain('unknown option "nuls"; did you mean "nulls"?');
    expect(outcome.stderr).toContain('"anyType" must be one of "unknown", "any", got "whatever"');
  });
});

describe("diagnostics", () => {
  test("a broken doc shows a code frame with a caret under the column", async () => {
    await writeFile(
      join(work.dir, "docs", "broken.md"),
      md(
        "# Broken",
        "## Fields",
        "| Field | Type | Required |",
        "| --- | --- | --- |",
        "| `a` | *string* % | :heavy_check_mark: |",
      ),
    );
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(
      'broken.md:5:18: error cannot read the type of `a`: unexpected "%"; write it as e.g. *string*, *number*[] or [components.Foo](../components/foo.md) [bad-type]\n' +
        "5 | | `a` | *string* % | :heavy_check_mark: |\n" +
        "  |                  ^\n",
    );
  });

  test("--strict makes warnings errors and writes nothing; without it the run succeeds", async () => {
    await writeFile(join(work.dir, "docs", "response.md"), WARNING_DOC);
    const strict = await mdmodel(work.dir, ...GENERATE_DOCS, "--strict");
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/warning `AxiosResponse` is not a model of these docs/);
    expect(strict.stderr).toMatch(/0 errors, 1 warning \(--strict: warnings count as errors\); nothing written/);
    await expect(readFile(join(work.dir, "out", "index.ts"))).rejects.toThrow();
    expect((await mdmodel(work.dir, ...GENERATE_DOCS)).code).toBe(0);
  });

  test("--quiet prints nothing on success; --verbose adds info notes", async () => {
    await writeFile(join(work.dir, "docs", "README.md"), "# Docs\n\nNot a model.\n");
    const quiet = await mdmodel(work.dir, ...GENERATE_DOCS, "--quiet");
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const verbose = await mdmodel(work.dir, ...GENERATE_DOCS, "--verbose");
    expect(verbose.stderr).toContain("README.md:1:1: info skipped: a README is not a model doc [not-a-model]");
  });
});

test("the project's prettier config shapes the output", async () => {
  await writeFile(join(work.dir, ".prettierrc"), JSON.stringify({ semi: false, singleQuote: true }));
  expect((await mdmodel(work.dir, ...GENERATE_DOCS)).code).toBe(0);
  const address = await readFile(join(work.dir, "out/models/shared/address.ts"), "utf8");
  // Single quotes and no semicolons, as the config asks.
  expect(address).toMatch(/^import \* as \$ from '\.\.\/\.\.\/runtime\.js'$/m);
  expect((await mdmodel(work.dir, ...GENERATE_DOCS, "--check")).code).toBe(0);
});

test("a run of more than 300 docs shows progress on a terminal", async () => {
  const docs = join(work.dir, "many");
  await mkdir(docs);
  for (let i = 0; i < 301; i++) {
    await writeFile(
      join(docs, `m${i}.md`),
      md(`# M${i}`, "## Values", "| Name | Value |", "| --- | --- |", "| `A` | a |"),
    );
  }
  const lines: string[] = [];
  const progress: string[] = [];
  const io: CliIo = {
    stdout: (l) => lines.push(l),
    stderr: (l) => lines.push(l),
    cwd: work.dir,
    env: {},
    tty: true,
    progress: (l) => progress.push(l),
  };
  expect(await main(["generate", "--input", "many", "--out", "many-out"], io)).toBe(0);
  expect(progress).toContain("mdmodel: reading docs 301/301");
  expect(progress.at(-1)).toBe(""); // cleared before the summary
  expect(lines.at(-1)).toMatch(/^mdmodel: 301 TypeScript docs read/);
});

test("the programmatic API returns files and messages and writes nothing", async () => {
  const result = await generate({
    docs: await loadDocs(join(work.dir, "docs")),
    runtimeTemplate: await loadRuntimeTemplate(),
  });
  expect(result.files.map((file) => file.path)).toContain("models/shared/createcustomer.ts");
  expect(result.messages).toEqual([]);
  await expect(readFile(join(work.dir, "generated", "index.ts"))).rejects.toThrow();
});
