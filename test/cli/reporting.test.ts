/**
 * What the built command prints, for terminals, CI logs and editors: messages by cause, drift
 * first, paths from the working folder, windowed code frames, colors by the environment, the
 * json and github reporters, one meaning per exit code, the fix --check names, the progress
 * line, and --watch across rename-saves.
 */
import { spawn } from "node:child_process";
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { useColors } from "../../src/cli/report/color.js";
import { codeFrame } from "../../src/cli/report/frame.js";
import { writeSyntheticCorpus } from "../bench/synthetic-corpus.js";
import { md } from "../helpers/generate-folder.js";
import { CLI, mdmodel, mdmodelWith, GENERATE_DOCS } from "../helpers/run-cli.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

const work = tempFolderPerTest("reporting");

/** No color variable, not in CI: what a plain pipe sees. */
const PLAIN_ENV = { FORCE_COLOR: undefined, NO_COLOR: undefined, CI: undefined, GITHUB_ACTIONS: undefined };

function fields(name: string, ...rows: string[]): string {
  return md(
    `# ${name}`,
    "## Fields",
    "| Field | Type | Required | Description |",
    "| --- | --- | --- | --- |",
    ...rows,
  );
}

describe("messages worth reading", () => {
  test("a union doc whose member examples are Speakeasy's /* values here */ placeholders prints nothing", async () => {
    await mkdir(join(work.dir, "docs"));
    await writeFile(join(work.dir, "docs", "a.md"), fields("A", "| `a` | *string* | :heavy_check_mark: | A |"));
    await writeFile(
      join(work.dir, "docs", "pet.md"),
      md(
        "# Pet",
        "",
        "## Supported Types",
        "",
        "### `A`",
        "",
        "```typescript",
        "const value: A = /* values here */",
        "```",
        "",
        "### `string`",
        "",
        "```typescript",
        "const value: string = /* values here */",
        "```",
      ),
    );
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    expect(outcome.stdout).toMatch(
      /^mdmodel: 2 TypeScript docs read, 2 models \(1 object, 0 enums, 1 union\), 0 skipped; 5 files written, 0 unchanged, 0 removed; 0 warnings/,
    );
    const verbose = await mdmodel(work.dir, ...GENERATE_DOCS, "--verbose");
    expect(verbose.stderr).toContain(
      "info the example block holds a placeholder (`/* values here */`), so there is no example [bad-example] (2 places)",
    );
  });

  test("100 docs with one unknown type print one warning, with its count and the first places", async () => {
    await mkdir(join(work.dir, "docs"));
    for (let i = 0; i < 100; i++) {
      await writeFile(
        join(work.dir, "docs", `m${String(i).padStart(3, "0")}.md`),
        fields(`M${i}`, "| `raw` | [AxiosResponse](https://axios-http.com) | :heavy_check_mark: | Raw |"),
      );
    }
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(outcome.code).toBe(0);
    const warnings = outcome.stderr.split("\n").filter((line) => / warning /.test(line));
    expect(warnings).toEqual([
      "docs/m000.md:5:3: warning `AxiosResponse` is not a model of these docs, so it is typed `unknown`; map it to a type in the config [unknown-type] (100 places)",
    ]);
    expect(outcome.stderr).toContain(
      "  also at docs/m001.md:5:3\n  also at docs/m002.md:5:3\n  and 97 more places (--verbose lists them)\n",
    );
    const verbose = await mdmodel(work.dir, ...GENERATE_DOCS, "--full", "--verbose");
    expect(verbose.stderr.match(/^ {2}also at /gm)).toHaveLength(99);
  });

  test("paths are relative to the working folder, and the frame of a long row shows the offending column", async () => {
    await mkdir(join(work.dir, "sdk", "docs"), { recursive: true });
    const long = `| \`id\` | *string* | :heavy_check_mark: | ${"A long description. ".repeat(15)}|`;
    await writeFile(
      join(work.dir, "sdk", "docs", "thing.md"),
      fields("Thing", long, `| \`bad\` | *string* | maybe | ${"x".repeat(300)} |`),
    );
    const outcome = await mdmodelWith(PLAIN_ENV, work.dir, "generate", "--input", "sdk/docs", "--out", "out");
    expect(outcome.code).toBe(2);
    const [head, source, caret] = outcome.stderr.split("\n");
    expect(head).toMatch(/^sdk\/docs\/thing\.md:6:22: error /);
    expect(source!.length).toBeLessThan(140);
    expect(source).toContain("| maybe |");
    // The caret stands under the column in the window shown.
    const window = source!.slice(source!.indexOf("| ") + 2);
    const offset = caret!.indexOf("^") - (caret!.indexOf("| ") + 2);
    expect(window.slice(offset)).toMatch(/^maybe/);
  });

  test("a code frame never passes control characters from a doc to the terminal", () => {
    const frame = codeFrame("| `a` | \u001b]0;pwned\u0007*str* | x |", 1, 9, (text) => text, "red");
    expect(frame.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(frame[0]).toContain("\\x1b]0;pwned\\x07");
  });

  test("--check prints drift first and does not repeat the warnings of docs that did not change", async () => {
    await mkdir(join(work.dir, "docs"));
    await writeFile(
      join(work.dir, "docs", "a.md"),
      fields("A", "| `raw` | [AxiosResponse](https://axios-http.com) | :heavy_check_mark: | Raw |"),
    );
    await writeFile(join(work.dir, "docs", "b.md"), fields("B", "| `id` | *string* | :heavy_check_mark: | Id |"));
    await mdmodel(work.dir, ...GENERATE_DOCS);
    await writeFile(join(work.dir, "docs", "b.md"), fields("B", "| `id` | *number* | :heavy_check_mark: | Id |"));
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS, "--check");
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^stale: out\/b\.ts\n/);
    expect(outcome.stderr).not.toContain("AxiosResponse");
    expect(outcome.stderr).toContain(
      "1 warning in docs unchanged since the output was generated are not repeated (--verbose shows them)",
    );
    expect((await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--verbose")).stderr).toContain("AxiosResponse");
  });
});

describe("--check and generate agree", () => {
  test("a file mdmodel did not write is not drift, and generate leaves it alone", async () => {
    await cp("seeds", join(work.dir, "docs"), { recursive: true });
    await mdmodel(work.dir, ...GENERATE_DOCS);
    await writeFile(join(work.dir, "out", "README.md"), "Hand-written notes.\n");
    await writeFile(join(work.dir, "out", "extra.ts"), "export const mine = 1;\n");
    expect(await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--full")).toMatchObject({
      code: 0,
      stderr: "",
    });
    const verbose = await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--full", "--verbose");
    expect(verbose.stderr).toContain(
      "note: out/extra.ts is not mdmodel's (no manifest lists it), so --check and generate leave it alone",
    );
    expect((await mdmodel(work.dir, ...GENERATE_DOCS, "--full")).code).toBe(0);
    expect(await readFile(join(work.dir, "out", "extra.ts"), "utf8")).toBe("export const mine = 1;\n");
  });

  const drifts: Array<[string, (out: string, docs: string) => Promise<void>]> = [
    [
      "a stale file",
      async (_out, docs) =>
        writeFile(
          join(docs, "models/shared/address.md"),
          (await readFile(join(docs, "models/shared/address.md"), "utf8")).replace("City or town", "Town"),
        ),
    ],
    ["a file edited by hand", async (out) => writeFile(join(out, "models/shared/address.ts"), "// mine\n")],
    ["a missing file", async (out) => rm(join(out, "models/components/lineitem.ts"))],
    ["a file no doc produces now", async (_out, docs) => rm(join(docs, "models/shared/createcustomer.md"))],
    ["a missing manifest", async (out) => rm(join(out, ".mdmodel-manifest.json"))],
    ["a damaged manifest", async (out) => writeFile(join(out, ".mdmodel-manifest.json"), "{ not json")],
  ];
  test.each(drifts)("%s: --check names it, and the command it says to run fixes it", async (_name, make) => {
    await cp("seeds", join(work.dir, "docs"), { recursive: true });
    await mdmodel(work.dir, ...GENERATE_DOCS);
    await make(join(work.dir, "out"), join(work.dir, "docs"));
    const check = await mdmodel(work.dir, ...GENERATE_DOCS, "--check");
    expect(check.code).toBe(1);
    const fix = /run `([^`]+)` and commit/.exec(check.stderr)?.[1];
    expect(fix).toBe("npx mdmodel generate --input docs --out out");
    const args = fix!.split(" ").slice(2);
    expect((await mdmodel(work.dir, ...args)).code).toBe(0);
    expect(await mdmodel(work.dir, ...GENERATE_DOCS, "--check")).toMatchObject({
      code: 0,
      stderr: "",
    });
  });
});

describe("one meaning per exit code", () => {
  test("an output folder that is a file: exit 3 and one line", async () => {
    await cp("seeds", join(work.dir, "docs"), { recursive: true });
    await writeFile(join(work.dir, "out"), "a file\n");
    for (const extra of [[], ["--check"]]) {
      const outcome = await mdmodel(work.dir, ...GENERATE_DOCS, ...extra);
      expect(outcome).toEqual({
        code: 3,
        stdout: "",
        stderr: "mdmodel: the output folder out is a file, not a folder; remove it or choose another --out\n",
      });
    }
  });

  test("an input folder that is missing or a file: exit 3 and one line", async () => {
    expect(await mdmodel(work.dir, "generate", "--input", "nope", "--out", "out")).toEqual({
      code: 3,
      stdout: "",
      stderr: "mdmodel: the input folder nope does not exist\n",
    });
    // With no config file and no --input, the way to start, not this repository's default folder.
    const empty = await mkdtemp(join(tmpdir(), "mdmodel-empty-"));
    try {
      expect(await mdmodel(empty, "generate")).toEqual({
        code: 3,
        stdout: "",
        stderr:
          "mdmodel: no config file here and no --input, and the default docs folder seeds does not exist: run `npx mdmodel init` to set up this project, or `npx mdmodel generate --input <docs folder> --out <output folder>`\n",
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    await writeFile(join(work.dir, "docs"), "x");
    expect((await mdmodel(work.dir, ...GENERATE_DOCS)).stderr).toBe(
      "mdmodel: the input folder docs is a file, not a folder\n",
    );
  });

  test("an output folder the user may not write: exit 3 and one line, nothing written", async () => {
    await cp("seeds", join(work.dir, "docs"), { recursive: true });
    await mkdir(join(work.dir, "out"));
    await chmod(work.dir, 0o755);
    await chmod(join(work.dir, "out"), 0o555);
    // Root may write anywhere, so as root the command runs as the unprivileged user "nobody".
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chown(join(work.dir, "docs"), 65534, 65534);
    const outcome = asRoot
      ? await new Promise<{ code: number; stderr: string }>((resolve) => {
          const child = spawn(
            "setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...GENERATE_DOCS, "--no-cache"],
            { cwd: work.dir },
          );
          let stderr = "";
          child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
          child.on("exit", (code) => resolve({ code: code ?? -1, stderr }));
        })
      : await mdmodel(work.dir, ...GENERATE_DOCS, "--no-cache");
    expect(outcome.code).toBe(3);
    expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
    expect(outcome.stderr).toBe("mdmodel: permission denied: out\n");
  });
});

describe("reporters and colors", () => {
  test("colors follow FORCE_COLOR, NO_COLOR, TERM and the terminal, as Node's hasColors() does", () => {
    const tty = { isTTY: true, hasColors: () => true };
    const pipe = { isTTY: false };
    expect(useColors({}, tty)).toBe(true);
    expect(useColors({}, pipe)).toBe(false);
    expect(useColors({ NO_COLOR: "1" }, tty)).toBe(false);
    expect(useColors({ NO_COLOR: "" }, tty)).toBe(true);
    expect(useColors({ TERM: "dumb" }, tty)).toBe(false);
    expect(useColors({ FORCE_COLOR: "1" }, pipe)).toBe(true);
    expect(useColors({ FORCE_COLOR: "0" }, tty)).toBe(false);
    expect(useColors({ FORCE_COLOR: "1", NO_COLOR: "1" }, pipe)).toBe(true);
    expect(useColors({}, { isTTY: true, hasColors: () => false })).toBe(false);
  });

  test("FORCE_COLOR colors a CI log; NO_COLOR keeps it plain", async () => {
    await mkdir(join(work.dir, "docs"));
    await writeFile(join(work.dir, "docs", "a.md"), fields("A", "| `a` | *nope* % | :heavy_check_mark: | A |"));
    const forced = await mdmodelWith({ ...PLAIN_ENV, FORCE_COLOR: "1" }, work.dir, ...GENERATE_DOCS);
    expect(forced.stderr).toContain("\u001b[31merror\u001b[0m");
    const plain = await mdmodelWith({ NO_COLOR: "1" }, work.dir, ...GENERATE_DOCS);
    expect(plain.stderr).not.toContain("\u001b[");
  });

  test("--reporter github writes workflow commands GitHub reads as annotations; it is the default under GITHUB_ACTIONS", async () => {
    await mkdir(join(work.dir, "docs"));
    await writeFile(
      join(work.dir, "docs", "a.md"),
      fields("A", "| `raw` | [AxiosResponse](https://x.io) | :heavy_check_mark: | Raw, with: commas |"),
    );
    await writeFile(join(work.dir, "docs", "b.md"), fields("B", "| `b` | *string* % | :heavy_check_mark: | B |"));
    const outcome = await mdmodelWith({ ...PLAIN_ENV, GITHUB_ACTIONS: "true" }, work.dir, ...GENERATE_DOCS);
    expect(outcome.code).toBe(2);
    const annotations = outcome.stdout
      .split("\n")
      .filter((line) => line.startsWith("::"))
      .map((line) => {
        const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
        expect(match, line).not.toBeNull();
        const properties = Object.fromEntries(match![2]!.split(",").map((pair) => pair.split("=") as [string, string]));
        return {
          level: match![1],
          ...properties,
          message: decodeURIComponent(match![3]!.replace(/%(?![0-9A-F]{2})/g, "%25")),
        };
      });
    expect(annotations).toEqual([
      expect.objectContaining({
        level: "warning",
        file: "docs/a.md",
        line: "5",
        col: "3",
        title: "mdmodel unknown-type",
      }),
      expect.objectContaining({ level: "error", file: "docs/b.md", line: "5", col: "18", title: "mdmodel bad-type" }),
    ]);
    expect(outcome.stdout).toMatch(/\nmdmodel: 2 TypeScript docs read, .*; 1 error, 1 warning; nothing written/);
  });

  test("--reporter json prints one document with every message and the drift", async () => {
    await cp("seeds", join(work.dir, "docs"), { recursive: true });
    await mdmodel(work.dir, ...GENERATE_DOCS);
    await rm(join(work.dir, "out/models/components/lineitem.ts"));
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--reporter", "json");
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      version: 1,
      command: "check",
      exitCode: 1,
      ok: false,
      out: "out",
      summary: {
        docs: 11,
        models: 11,
        modelsByKind: { object: 8, enum: 2, union: 1 },
        skipped: 0,
        errors: 0,
        warnings: 0,
        vouched: false,
      },
      messages: [],
      drift: [{ kind: "missing", file: "out/models/components/lineitem.ts" }],
      failure: null,
      fix: "npx mdmodel generate --input docs --out out",
    });
    expect(outcome.stderr).toBe("");
  });

  test("--reporter with an unknown name is bad usage", async () => {
    expect(await mdmodel(work.dir, "generate", "--reporter", "xml")).toMatchObject({
      code: 3,
      stderr: 'mdmodel: --reporter must be one of text, json, github, got "xml"\n',
    });
  });
});

test("the progress line covers reading, emitting and formatting, and writing, on a terminal only, never in CI", async () => {
  await mkdir(join(work.dir, "many"));
  for (let i = 0; i < 301; i++)
    await writeFile(join(work.dir, "many", `m${i}.md`), fields(`M${i}`, "| `a` | *string* | :heavy_check_mark: | A |"));
  const run = async (env: Record<string, string>, tty: boolean) => {
    const progress: string[] = [];
    const io: CliIo = {
      stdout: () => {},
      stderr: () => {},
      cwd: work.dir,
      env,
      tty,
      progress: (line) => progress.push(line),
    };
    expect(
      await main(["generate", "--input", "many", "--out", `out-${tty}-${Object.keys(env).length}`, "--no-cache"], io),
    ).toBe(0);
    return progress;
  };
  const shownOnTerminal = await run({}, true);
  for (const phase of ["reading docs", "emitting and formatting modules", "writing files"])
    expect(
      shownOnTerminal.some((line) => line.startsWith(`mdmodel: ${phase} `)),
      phase,
    ).toBe(true);
  expect(shownOnTerminal.at(-1)).toBe("");
  expect(await run({ CI: "true" }, true)).toEqual([]);
  expect(await run({}, false)).toEqual([]);
});

test("--watch regenerates after each of three rename-saves of one doc (as sed -i and editors save), goes on after a doc with errors, and sees a new doc in a new folder", async () => {
  await cp("seeds", join(work.dir, "docs"), { recursive: true });
  const { child, seen, exited, until } = watching();
  // A run that reads every doc says "11 docs read"; one that reads what the change reaches, "11 docs (2 read for the change)".
  const runs = () =>
    (seen.stdout.match(/^mdmodel: 1[12] TypeScript docs (read|\(\d+ read for the change\))/gm) ?? []).length;
  try {
    await until(() => seen.stdout.includes("mdmodel: watching docs"));
    const doc = join(work.dir, "docs/models/shared/address.md");
    const original = await readFile(doc, "utf8");
    await writeFile(doc, fields("Address", "| `a` | *nope* % | :heavy_check_mark: | A |"));
    await until(() => seen.stderr.includes("nothing written"));
    for (const [round, town] of ["Town", "Village", "Hamlet"].entries()) {
      const temporary = join(work.dir, "docs/models/shared", `.address.md.${round}.tmp`);
      await writeFile(temporary, original.replace("City or town", town));
      await rename(temporary, doc);
      await until(() => runs() >= round + 2);
      expect(await readFile(join(work.dir, "out/models/shared/address.ts"), "utf8")).toContain(town);
    }
    expect(seen.stdout).toContain("mdmodel: models/shared/address.md changed\n");
    await mkdir(join(work.dir, "docs/models/extra"));
    await writeFile(
      join(work.dir, "docs/models/extra/note.md"),
      fields("Note", "| `text` | *string* | :heavy_check_mark: | Text |"),
    );
    await until(() => seen.stdout.includes("mdmodel: 12 TypeScript docs read"));
    expect(await readFile(join(work.dir, "out/models/extra/note.ts"), "utf8")).toContain("export interface Note");
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
});

/** The built command with `--watch` in `work.dir`: what it printed so far, and waits on what it prints (events, not clocks). */
function watching(...args: string[]) {
  const child = spawn(process.execPath, [CLI, ...GENERATE_DOCS, "--watch", ...args], {
    cwd: work.dir,
  });
  const seen = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (seen.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (seen.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const until = async (check: () => boolean) => {
    for (let waited = 0; !check(); waited += 50) {
      if (waited > 60_000) throw new Error(`timed out; stdout:\n${seen.stdout}\nstderr:\n${seen.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Writes `text` to the doc `name` and waits for the run it starts to print its summary; what that run printed to stderr. */
  const save = async (name: string, text: string) => {
    const [out, err] = [seen.stdout.length, seen.stderr.length];
    await writeFile(join(work.dir, "docs", name), text);
    await until(() => /changed\n(.*\n)*mdmodel: .*\(\d+ ms\)\n/.test(seen.stdout.slice(out)));
    return seen.stderr.slice(err);
  };
  return { child, seen, exited, until, save };
}

test("--watch told to stop during a regeneration abandons it: nothing written, no lock left, and the next run writes the output", async () => {
  await writeSyntheticCorpus(join(work.dir, "docs"), 500);
  // --full: every regeneration reads and emits every doc, so one is surely under way when the signal comes.
  const watch = watching("--full", "--no-cache");
  try {
    await watch.until(() => watch.seen.stdout.includes("mdmodel: watching docs"));
    const manifest = await readFile(join(work.dir, "out/.mdmodel-manifest.json"), "utf8");
    const doc = join(
      work.dir,
      "docs",
      (await readdir(join(work.dir, "docs"), { recursive: true })).find((path) => path.endsWith(".md"))!,
    );
    await writeFile(doc, (await readFile(doc, "utf8")).replace(/^(# .*)$/m, "$1\n\nEdited while watching."));
    await watch.until(() => watch.seen.stdout.includes(" changed\n"));
    watch.child.kill("SIGINT");
    expect(await watch.exited).toBe(0);
    expect(watch.seen.stdout).toContain("mdmodel: stopped; the regeneration under way was abandoned");
    // The abandoned run printed no summary: the one summary line is the first run's.
    expect(watch.seen.stdout.match(/^mdmodel: 500 TypeScript docs read/gm)).toHaveLength(1);
    expect(await readFile(join(work.dir, "out/.mdmodel-manifest.json"), "utf8")).toBe(manifest);
    for (const leftover of [".mdmodel.lock", ".mdmodel-journal.json", ".mdmodel-staging"])
      await expect(readFile(join(work.dir, "out", leftover))).rejects.toThrow();
  } finally {
    watch.child.kill("SIGKILL");
  }
  expect((await mdmodel(work.dir, ...GENERATE_DOCS)).code).toBe(0);
  expect((await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--full")).code).toBe(0);
}, 180_000);

test("--watch prints only what changed: new findings, the ones resolved, and a count of those printed before", async () => {
  await mkdir(join(work.dir, "docs"));
  const doc = (name: string, example: string) =>
    md(
      `# ${name}`,
      "## Fields",
      "| Field | Type | Required | Description | Example |",
      "| --- | --- | --- | --- | --- |",
      `| \`code\` | *number* | :heavy_check_mark: | A code | ${example} |`,
    );
  await writeFile(join(work.dir, "docs", "a.md"), doc("A", "not-a-number"));
  await writeFile(join(work.dir, "docs", "b.md"), doc("B", "also-not"));
  const watch = watching();
  try {
    await watch.until(() => watch.seen.stdout.includes("mdmodel: watching docs"));
    expect(watch.seen.stderr.match(/\[bad-example\]$/gm)).toHaveLength(2);
    // b.md fixed: its warning is named as resolved, a.md's is not printed again.
    const fixed = await watch.save("b.md", doc("B", "7"));
    expect(fixed).toMatch(/^mdmodel: resolved: docs\/b\.md: .*\[bad-example\]$/m);
    expect(fixed).not.toMatch(/^docs\/a\.md:\d+:\d+: warning/m);
    // a.md edited (its warning moves down a line but stays): nothing new, one finding not repeated.
    const moved = await watch.save(
      "a.md",
      doc("A", "not-a-number").replace("## Fields", "Now with a description.\n\n## Fields"),
    );
    expect(moved).not.toMatch(/\[bad-example\]$/m);
    expect(moved).toContain("mdmodel: 1 finding printed by an earlier run is not repeated");
    // A new warning: it alone is printed.
    const broken = await watch.save("b.md", doc("B", "nine"));
    expect(broken.match(/\[bad-example\]$/gm)).toHaveLength(1);
    expect(broken).toMatch(/^docs\/b\.md:\d+:\d+: warning .*nine/m);
  } finally {
    watch.child.kill("SIGTERM");
  }
  expect(await watch.exited).toBe(0);
});
