/**
 * `mdmodel diff` as users run it: against a temporary git repository with two commits (the
 * base read with git, no checkout), against a folder, with each reporter and `--fail-on`,
 * and the exit codes of bad usage and of docs with errors.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mdmodel, mdmodelWith } from "../helpers/run-cli.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-diff-"));
afterAll(() => rm(work, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync("git", args, { cwd: work, stdio: "pipe" }).toString();

beforeAll(async () => {
  await cp(join(import.meta.dirname, "..", "..", "seeds"), join(work, "docs"), { recursive: true });
  git("init", "-q", "-b", "main");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "docs");
  // The API adds an order status and drops the line item's gift wrap: one change for each audience.
  const status = join(work, "docs/models/components/orderstatus.md");
  await writeFile(
    status,
    (await readFile(status, "utf8")).replace(
      "| `Cancelled` | cancelled |",
      "| `Cancelled` | cancelled |\n| `Refunded` | refunded |",
    ),
  );
  const item = join(work, "docs/models/components/lineitem.md");
  await writeFile(item, (await readFile(item, "utf8")).replace(/^\| `giftWrap`.*\n/m, ""));
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "statuses");
});

describe("mdmodel diff --base <git ref>", () => {
  test("prints each change with its place, rule and impact; exit 1 when something breaks", async () => {
    const outcome = await mdmodel(work, "diff", "--base", "HEAD~1", "--input", "docs");
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain(
      "HEAD~1:docs/models/components/lineitem.md:12:3: field-removed LineItem.giftWrap was removed (readers: BREAKING, writers: BREAKING)",
    );
    expect(outcome.stdout).toContain(
      'docs/models/components/orderstatus.md:13:1: enum-value-added OrderStatus gained the value "refunded" (readers: BREAKING, writers: safe)',
    );
    expect(outcome.stderr).toBe(
      "mdmodel diff HEAD~1 → docs: 2 changes: 2 breaking for readers, 1 breaking for writers\n",
    );
  });

  test("--fail-on chooses the audience: the enum value breaks only readers", async () => {
    const lineItem = join(work, "docs/models/components/lineitem.md");
    const committed = await readFile(lineItem, "utf8");
    await writeFile(lineItem, git("show", "HEAD~1:docs/models/components/lineitem.md"));
    try {
      expect(
        (await mdmodel(work, "diff", "--base", "HEAD~1", "--input", "docs", "--fail-on", "breaking-for-writers")).code,
      ).toBe(0);
      expect(
        (await mdmodel(work, "diff", "--base", "HEAD~1", "--input", "docs", "--fail-on", "breaking-for-readers")).code,
      ).toBe(1);
    } finally {
      await writeFile(lineItem, committed);
    }
  });

  test("nothing changed: exit 0 and one line", async () => {
    const outcome = await mdmodel(work, "diff", "--base", "HEAD", "--input", "docs");
    expect(outcome).toMatchObject({
      code: 0,
      stdout: "mdmodel diff HEAD → docs: no changes to the models\n",
      stderr: "",
    });
  });

  test("json, github and markdown reporters", async () => {
    const json = JSON.parse(
      (await mdmodel(work, "diff", "--base", "HEAD~1", "--input", "docs", "--reporter", "json")).stdout,
    ) as { exitCode: number; changes: Array<Record<string, unknown>> };
    expect(json.exitCode).toBe(1);
    expect(json.changes).toContainEqual({
      file: "docs/models/components/orderstatus.md",
      line: 13,
      column: 1,
      side: "head",
      rule: "enum-value-added",
      readers: "breaking",
      writers: "safe",
      failing: true,
      model: "OrderStatus",
      message: 'OrderStatus gained the value "refunded"',
    });
    const github = (await mdmodelWith({ GITHUB_ACTIONS: "true" }, work, "diff", "--base", "HEAD~1", "--input", "docs"))
      .stdout;
    expect(github).toContain(
      "::error file=docs/models/components/lineitem.md,line=12,col=3,title=mdmodel diff field-removed::LineItem.giftWrap was removed",
    );
    const markdown = (await mdmodel(work, "diff", "--base", "HEAD~1", "--input", "docs", "--reporter", "markdown"))
      .stdout;
    expect(markdown).toContain("### mdmodel diff: HEAD~1 → docs");
    expect(markdown).toContain(
      "| :x: | LineItem.giftWrap was removed | BREAKING | BREAKING | `HEAD~1:docs/models/components/lineitem.md:12` |",
    );
  });

  test("a folder as the base", async () => {
    await rm(join(work, "old"), { recursive: true, force: true });
    await cp(join(import.meta.dirname, "..", "..", "seeds"), join(work, "old"), { recursive: true });
    const outcome = await mdmodel(work, "diff", "--base", "./old", "--input", "docs");
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain("old/models/components/lineitem.md:12:3: field-removed");
    // Written without ./, it is a ref: a folder of that name is not taken for it, and the ambiguity is said.
    expect(await mdmodel(work, "diff", "--base", "old", "--input", "docs")).toMatchObject({
      code: 3,
      stderr: "mdmodel: --base old is no git ref; for the folder, write it as a path: ./old\n",
    });
  });

  test("a docs folder the ref does not have: every model is added, and a line says why", async () => {
    await cp(join(work, "docs/models/shared"), join(work, "newdocs"), { recursive: true });
    try {
      const outcome = await mdmodel(work, "diff", "--base", "HEAD", "--input", "newdocs");
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toBe("mdmodel: no docs in newdocs at HEAD; every model counts as added\n");
      expect(outcome.stdout).toContain(
        "newdocs/address.md:1:1: model-added Address was added (readers: safe, writers: safe)",
      );
    } finally {
      await rm(join(work, "newdocs"), { recursive: true });
    }
  });

  test("doc text reaches the terminal and the annotations with its control characters written out", async () => {
    const evil =
      "# Evil\u001b]0;pwned\u0007Name\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: | A |\n";
    await rm(join(work, "evil-old"), { recursive: true, force: true });
    await cp(join(work, "docs"), join(work, "evil-old"), { recursive: true });
    await writeFile(join(work, "evil-old", "evil.md"), evil);
    for (const reporter of ["text", "github", "markdown", "json"]) {
      const outcome = await mdmodel(work, "diff", "--base", "./evil-old", "--input", "docs", "--reporter", reporter);
      expect(outcome.code, reporter).toBe(1);
      expect(outcome.stdout + outcome.stderr, reporter).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      expect(outcome.stdout, reporter).toContain(reporter === "json" ? "\\u001b]0;pwned" : "\\x1b]0;pwned");
    }
  });

  test("bad usage is exit 3 with one line; docs with errors are exit 2", async () => {
    const noBase = await mdmodel(work, "diff", "--input", "docs");
    expect(noBase).toMatchObject({
      code: 3,
      stderr: "mdmodel: diff needs --base <git ref or folder>, e.g. --base origin/main or --base ./old-docs\n",
    });
    const badRef = await mdmodel(work, "diff", "--base", "no-such-branch", "--input", "docs");
    expect(badRef.code).toBe(3);
    expect(badRef.stderr).toBe(
      'mdmodel: --base no-such-branch: the repository has no commit "no-such-branch" (for a folder, write it as a path: ./no-such-branch)\n',
    );
    expect(badRef.stderr.trim().split("\n")).toHaveLength(1);
    expect((await mdmodel(work, "diff", "--base", "HEAD", "--fail-on", "sometimes", "--input", "docs")).code).toBe(3);
    await writeFile(
      join(work, "docs/broken.md"),
      "# Broken\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* *number* | :heavy_check_mark: | A |\n",
    );
    try {
      const broken = await mdmodel(work, "diff", "--base", "HEAD", "--input", "docs");
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^docs\/broken\.md:7:\d+: error: /);
    } finally {
      await rm(join(work, "docs/broken.md"));
    }
  });
});
