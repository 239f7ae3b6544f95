/** The command's surface through the built `mdmodel`: --version, help, did-you-mean, and `mdmodel init`. */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { GITHUB_ACTIONS_JOB, GITLAB_CI_JOB, planScripts } from "../../src/cli/init-command.js";
import { main, type CliIo } from "../../src/cli/main.js";
import { CONFIG_SCHEMA } from "../../src/config/check.js";
import { mdmodel } from "../helpers/run-cli.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

const PACKAGE = JSON.parse(await readFile("package.json", "utf8")) as { version: string };

const work = tempFolderPerTest("command");

describe("version and help", () => {
  test("--version and -v print the package's version", async () => {
    expect(await mdmodel(work.dir, "--version")).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: "" });
    expect((await mdmodel(work.dir, "-v")).stdout).toBe(`${PACKAGE.version}\n`);
  });

  test("a bare mdmodel, --help and help print the commands; exit 0", async () => {
    const bare = await mdmodel(work.dir);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: mdmodel <command> \[options\]\n/);
    expect(bare.stdout).toContain("  generate  read the docs");
    expect(bare.stdout).toContain("  init      write mdmodel.config.json");
    expect((await mdmodel(work.dir, "--help")).stdout).toBe(bare.stdout);
    expect((await mdmodel(work.dir, "help")).stdout).toBe(bare.stdout);
  });

  test("generate --help and init --help list every option of the command", async () => {
    const generate = await mdmodel(work.dir, "generate", "--help");
    expect(generate.code).toBe(0);
    for (const option of [
      "--input DIR",
      "--out DIR",
      "--check",
      "--full",
      "--no-cache",
      "--watch",
      "--config FILE",
      "--strict",
      "--quiet",
      "--verbose",
    ]) {
      expect(generate.stdout).toContain(option);
    }
    expect((await mdmodel(work.dir, "help", "generate")).stdout).toBe(generate.stdout);
    const init = await mdmodel(work.dir, "init", "-h");
    expect(init.stdout).toMatch(/^Usage: mdmodel init /);
    expect(init.stdout).toContain("--force");
  });

  test.each([
    [["generate", "--chek"], "mdmodel: unknown option --chek; did you mean --check?"],
    [
      ["generate", "--input=docs", "--out", "x", "--verbos"],
      "mdmodel: unknown option --verbos; did you mean --verbose?",
    ],
    [["generate", "--no-cach"], "mdmodel: unknown option --no-cach; did you mean --no-cache?"],
    [["generate", "--zzzzzz"], "mdmodel: unknown option --zzzzzz\n"],
    [["generat"], 'mdmodel: unknown command "generat"; did you mean "generate"?'],
    [["--versoin"], "mdmodel: unknown option --versoin"],
    [["init", "--forse"], "mdmodel: unknown option --forse; did you mean --force?"],
    [["generate", "extra"], 'mdmodel: unexpected argument "extra"'],
    [["generate", "--input"], "mdmodel: Option '--input <value>' argument missing"],
  ])("mdmodel %j is bad usage: exit 3 and a pointer to the fix", async (args, message) => {
    const outcome = await mdmodel(work.dir, ...args);
    expect(outcome.code).toBe(3);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toContain(message);
  });
});

describe("mdmodel init", () => {
  test("writes the config with its $schema, adds the scripts keeping package.json's indentation, and prints the CI step", async () => {
    await writeFile(
      join(work.dir, "package.json"),
      '{\n    "name": "app",\n    "scripts": {\n        "test": "vitest"\n    }\n}\n',
    );
    const outcome = await mdmodel(work.dir, "init");
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain("wrote mdmodel.config.json (docs from docs, TypeScript into src/models)");
    expect(outcome.stdout).toContain('added the "generate" and "generate:check" scripts to package.json');
    // The CI jobs it prints are the README's, which check a pull request against its base.
    const indented = (job: string) => job.replace(/^/gm, "  ");
    expect(outcome.stdout).toContain(indented(GITHUB_ACTIONS_JOB));
    expect(outcome.stdout).toContain(indented(GITLAB_CI_JOB));
    expect(GITHUB_ACTIONS_JOB).toContain("npx mdmodel generate --check --base origin/${{ github.base_ref }}");
    const readme = await readFile(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    expect(readme).toContain("```yaml\n" + GITHUB_ACTIONS_JOB + "\n```");
    expect(readme).toContain("```yaml\n" + GITLAB_CI_JOB + "\n```");
    const config = JSON.parse(await readFile(join(work.dir, "mdmodel.config.json"), "utf8")) as Record<string, string>;
    expect(config["input"]).toBe("docs");
    expect(config["out"]).toBe("src/models");
    // Outside a project that installed mdmodel, the $schema points at this mdmodel's own copy.
    expect(JSON.parse(await readFile(join(work.dir, config["$schema"]!), "utf8"))).toEqual(CONFIG_SCHEMA);
    expect(await readFile(join(work.dir, "package.json"), "utf8")).toBe(
      '{\n    "name": "app",\n    "scripts": {\n        "test": "vitest",\n        "generate": "mdmodel generate",\n        "generate:check": "mdmodel generate --check"\n    }\n}\n',
    );
  });

  test("the config it writes is one generate reads, $schema and all", async () => {
    await mkdir(join(work.dir, "docs"));
    await writeFile(
      join(work.dir, "docs", "thing.md"),
      "# Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :heavy_check_mark: | Id |\n",
    );
    expect((await mdmodel(work.dir, "init", "--input", "docs", "--out", "gen")).code).toBe(0);
    const outcome = await mdmodel(work.dir, "generate");
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    expect(existsSync(join(work.dir, "gen", "thing.ts"))).toBe(true);
  });

  test("never overwrites a config without --force (no terminal to ask on), and then leaves every file as it was", async () => {
    await writeFile(join(work.dir, "mdmodel.config.json"), '{ "input": "mine" }\n');
    await writeFile(join(work.dir, "package.json"), '{ "name": "app" }\n');
    const refused = await mdmodel(work.dir, "init");
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("mdmodel.config.json exists; run `npx mdmodel init --force` to overwrite it");
    expect(await readFile(join(work.dir, "mdmodel.config.json"), "utf8")).toBe('{ "input": "mine" }\n');
    expect(await readFile(join(work.dir, "package.json"), "utf8")).toBe('{ "name": "app" }\n');
    expect((await mdmodel(work.dir, "init", "--force")).code).toBe(0);
    expect(JSON.parse(await readFile(join(work.dir, "mdmodel.config.json"), "utf8"))).toMatchObject({ input: "docs" });
  });

  test("on a terminal it asks before overwriting, and does what the answer says", async () => {
    await writeFile(join(work.dir, "mdmodel.config.json"), '{ "input": "mine" }\n');
    const asked: string[] = [];
    const io = (answer: boolean): CliIo => ({
      stdout: () => {},
      stderr: () => {},
      cwd: work.dir,
      env: {},
      tty: true,
      progress: () => {},
      confirm: async (question) => {
        asked.push(question);
        return answer;
      },
    });
    expect(await main(["init"], io(false))).toBe(0);
    expect(await readFile(join(work.dir, "mdmodel.config.json"), "utf8")).toBe('{ "input": "mine" }\n');
    expect(await main(["init", "--out", "gen"], io(true))).toBe(0);
    expect(JSON.parse(await readFile(join(work.dir, "mdmodel.config.json"), "utf8"))).toMatchObject({
      input: "docs",
      out: "gen",
    });
    expect(asked).toEqual(["mdmodel.config.json exists. Overwrite it?", "mdmodel.config.json exists. Overwrite it?"]);
  });

  test("a broken package.json is reported and nothing is written", async () => {
    await writeFile(join(work.dir, "package.json"), '{ "name": "app", }\n');
    const outcome = await mdmodel(work.dir, "init");
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/cannot add the scripts: package.json is not valid JSON .*; nothing written/);
    expect(existsSync(join(work.dir, "mdmodel.config.json"))).toBe(false);
  });

  test("without a package.json it says which scripts to add", async () => {
    const outcome = await mdmodel(work.dir, "init");
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(
      'No package.json here: add these scripts to yours:\n  "generate": "mdmodel generate"',
    );
  });

  test.each([
    [
      "scripts it has already are kept, one-line JSON stays one line",
      '{"scripts":{"generate":"custom"}}',
      {
        added: ["generate:check"],
        has: '{"scripts":{"generate":"custom","generate:check":"mdmodel generate --check"}}',
      },
    ],
    [
      "tabs stay tabs",
      '{\n\t"name": "x"\n}',
      { added: ["generate", "generate:check"], has: '\n\t"scripts": {\n\t\t"generate"' },
    ],
    [
      "CRLF stays CRLF",
      '{\r\n  "name": "x"\r\n}\r\n',
      { added: ["generate", "generate:check"], has: '"x",\r\n  "scripts"' },
    ],
  ])("planScripts: %s", (_name, given, want) => {
    const planned = planScripts(given);
    expect("error" in planned ? planned.error : planned.added).toEqual(want.added);
    expect("text" in planned ? planned.text : "").toContain(want.has);
  });

  test('planScripts refuses a package.json whose "scripts" is not an object', () => {
    expect(planScripts('{"scripts": []}')).toEqual({ error: 'has a "scripts" that is not an object' });
  });
});
