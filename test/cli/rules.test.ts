/**
 * The `rules` and `rulesByPath` options through the built command: a rule's warnings turned off or
 * down for every doc or for a vendor folder, honoured by `--strict`, the reporters and `--check`;
 * a warning raised to an error blocks the output; an error stays an error; the config names rules
 * mdmodel has.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { checkConfig } from "../../src/config/check.js";
import { RULE_IDS } from "../../src/shared/diagnostics.js";
import { CONFIG_SCHEMA } from "../../src/config/check.js";
import { md } from "../helpers/generate-folder.js";
import { mdmodel } from "../helpers/run-cli.js";

/** A doc with one warning (`unknown-type`: a name no doc defines). */
const WARNED = md(
  "# Order",
  "",
  "## Fields",
  "",
  "| Field | Type | Required | Description |",
  "| --- | --- | --- | --- |",
  "| `id` | *string* | :heavy_check_mark: | Id |",
  "| `owner` | Owner | :heavy_minus_sign: | A name no doc defines |",
);
/** A doc with an error (`bad-type`). */
const BROKEN = md(
  "# Broken",
  "",
  "## Fields",
  "",
  "| Field | Type | Required | Description |",
  "| --- | --- | --- | --- |",
  "| `a` | *string* % | :heavy_check_mark: | A |",
);

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "mdmodel-rules-"));
  await mkdir(join(work, "docs", "vendor"), { recursive: true });
  await mkdir(join(work, "docs", "own"), { recursive: true });
  await writeFile(join(work, "docs", "vendor", "order.md"), WARNED);
  await writeFile(join(work, "docs", "own", "invoice.md"), WARNED.replace("# Order", "# Invoice"));
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function withConfig(config: object): Promise<void> {
  await writeFile(join(work, "mdmodel.config.json"), JSON.stringify({ input: "docs", out: "out", ...config }));
}

describe("rules", () => {
  test("without rules, each doc's warning counts, and --strict refuses the run", async () => {
    await withConfig({});
    const run = await mdmodel(work, "generate", "--strict");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\[unknown-type\] \(2 places\)/);
    expect(run.stderr).toMatch(/0 errors, 2 warnings \(--strict/);
  });

  test("a rule off for every doc: no message, --strict passes, --check passes", async () => {
    await withConfig({ rules: { "unknown-type": "off" } });
    const run = await mdmodel(work, "generate", "--strict");
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/; 0 warnings/);
    expect((await mdmodel(work, "generate", "--check", "--strict")).code).toBe(0);
  });

  test("a rule down to info for a vendor folder only: the team's own doc still warns", async () => {
    await withConfig({ rulesByPath: { "vendor/**": { "unknown-type": "info" } } });
    const run = await mdmodel(work, "generate", "--reporter", "json");
    const report = JSON.parse(run.stdout) as { messages: Array<{ file: string; severity: string; rule: string }> };
    const severities = report.messages
      .filter((message) => message.rule === "unknown-type")
      .map((message) => [message.file.replace(/^.*docs\//, ""), message.severity]);
    expect(severities).toEqual([
      ["own/invoice.md", "warning"],
      ["vendor/order.md", "info"],
    ]);
  });

  test("a warning raised to an error blocks the output: exit 2, nothing written", async () => {
    await withConfig({ rules: { "unknown-type": "error" } });
    const run = await mdmodel(work, "generate");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error no model doc defines `Owner`/);
    await expect(readFile(join(work, "out", "index.ts"))).rejects.toThrow();
  });

  test("an error stays an error whatever the rules say", async () => {
    await writeFile(join(work, "docs", "own", "broken.md"), BROKEN);
    await withConfig({ rules: { "bad-type": "off" } });
    const run = await mdmodel(work, "generate");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error cannot read the type of `a`/);
  });
});

describe("the config names rules mdmodel has, with severities it knows", () => {
  test.each([
    [
      "an unknown rule, with the closest one",
      { rules: { "unknown-typ": "off" } },
      '"rules" names the rule "unknown-typ", which mdmodel does not have; did you mean "unknown-type"?',
    ],
    [
      "a severity it does not know",
      { rules: { "unknown-type": "loud" } },
      '"rules": "unknown-type" must be one of "off", "info", "warning", "error", got "loud"',
    ],
    [
      "an unknown rule under a glob",
      { rulesByPath: { "vendor/**": { "broken-lnk": "off" } } },
      '"rulesByPath": "vendor/**" names the rule "broken-lnk"',
    ],
  ])("%s", (_name, config, error) => {
    const checked = checkConfig(config);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.join("\n")).toContain(error);
  });

  test("the schema lists every rule id", () => {
    expect(CONFIG_SCHEMA.properties["rules"]?.propertyNames?.enum).toEqual([...RULE_IDS]);
  });
});
