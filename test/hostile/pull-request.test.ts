/**
 * A pull request controls the docs, the config and everything under the output folder (and
 * can plant git metadata there); a maintainer or CI then runs `generate`, `--check`, `--check
 * --base` or `diff` on it. Each case here is such a pull request, made in a temporary git
 * repository and run through the built command: nothing outside the output folder changes
 * (every file around it is hashed before and after), the checks fail on what the docs did not
 * produce, and every failure is one line with its documented exit code. SECURITY.md lists what
 * each command then proves.
 */
import { execFileSync } from "node:child_process";
import {
  chmod,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { sha256Hex } from "../../src/shared/hash.js";
import { mdmodel, mdmodelWith, type Outcome } from "../helpers/run-cli.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-pr-"));
afterAll(() => rm(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    [
      "-c",
      "user.name=t",
      "-c",
      "user.email=t@localhost",
      "-c",
      "init.defaultBranch=main",
      "-c",
      "core.symlinks=true",
      ...args,
    ],
    { cwd, stdio: "pipe" },
  ).toString();

const PACKAGE_JSON = '{ "name": "victim", "private": true }\n';
const ORDER = "gen/models/components/order.ts";

/** A project: docs (the seeds), gen (their output), a package.json, victim/ and secrets/, committed on main; the working tree on a new branch `pr`. */
async function project(name: string): Promise<string> {
  const root = join(work, name);
  await cp("seeds", join(root, "docs"), { recursive: true });
  await writeFile(join(root, "package.json"), PACKAGE_JSON);
  await mkdir(join(root, "victim"));
  await writeFile(join(root, "victim", "keep.txt"), "keep\n");
  await mkdir(join(root, "secrets"));
  await writeFile(join(root, "secrets", "id_rsa"), "-----BEGIN KEY-----\n");
  expect((await run(root, "generate", "--no-cache")).code).toBe(0);
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "docs and output");
  git(root, "checkout", "-qb", "pr");
  return root;
}

/** `mdmodel <command> --input docs --out gen …` in `root`. */
function run(root: string, command: string, ...args: string[]): Promise<Outcome> {
  return mdmodel(root, command, "--input", "docs", ...(command === "generate" ? ["--out", "gen"] : []), ...args);
}

/** Commits what the pull request changed, as a contributor would push it. */
function commitPullRequest(root: string): void {
  git(root, "add", "-A");
  git(root, "commit", "-qm", "an innocent change");
}

/** The pull request committed, `generate` runs (exit 0) and leaves the victim's file, and all around the project, as they were. */
async function expectGenerateTouchesNothingOutside(root: string): Promise<void> {
  commitPullRequest(root);
  const before = await around(root);
  expect((await run(root, "generate")).code).toBe(0);
  expect(await readFile(join(root, "victim/keep.txt"), "utf8")).toBe("keep\n");
  expect(await around(root)).toBe(before);
}

/** A hash of every file and link outside `gen/`, `.git/` and `node_modules/`: what no run may change. */
async function around(root: string): Promise<string> {
  const lines: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (/^(gen|\.git|node_modules)(\/|$)/.test(path)) continue;
    if (entry.isSymbolicLink()) lines.push(`${path} -> ${await readlink(join(root, path))}`);
    else if (entry.isFile()) lines.push(`${path} ${sha256Hex(await readFile(join(root, path)))}`);
  }
  return sha256Hex(lines.sort().join("\n"));
}

/** One line on stderr (and nothing after it). */
function oneLine(outcome: Outcome): string {
  const lines = outcome.stderr.trimEnd().split("\n");
  expect(lines, outcome.stderr).toHaveLength(1);
  return lines[0]!;
}

/** A generated module with code added, and its hash written into the manifest: what a forger commits. */
async function forgeModule(root: string): Promise<void> {
  const injected = `${await readFile(join(root, ORDER), "utf8")}export const pwned = 1;\n`;
  await writeFile(join(root, ORDER), injected);
  const manifest = JSON.parse(await readFile(join(root, "gen/.mdmodel-manifest.json"), "utf8")) as {
    files: Record<string, string>;
  };
  manifest.files["models/components/order.ts"] = sha256Hex(injected);
  await writeFile(join(root, "gen/.mdmodel-manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

describe("replayed journals and staging: nothing in the folder is an instruction", () => {
  test("a journal renaming a staged package.json through gen/link -> .. writes nothing outside; --check fails on the leftovers", async () => {
    const root = await project("replay-rename");
    await symlink("..", join(root, "gen/link"));
    await mkdir(join(root, "gen/.mdmodel-staging/link"), { recursive: true });
    await writeFile(
      join(root, "gen/.mdmodel-staging/link/package.json"),
      '{ "scripts": { "prepare": "touch pwned" } }\n',
    );
    // The journal of an earlier mdmodel; the current one records hashes, but no journal without this machine's proof is replayed.
    await writeFile(
      join(root, "gen/.mdmodel-journal.json"),
      JSON.stringify({ renames: ["link/package.json"], removes: [] }),
    );
    commitPullRequest(root);
    const before = await around(root);

    const check = await run(root, "generate", "--out", "gen", "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      "left by an interrupted run (generate drops it; never commit it): gen/.mdmodel-journal.json",
    );
    expect(check.stderr).toContain("gen/.mdmodel-staging");
    const based = await run(root, "generate", "--out", "gen", "--check", "--base", "main");
    expect(based.code).toBe(1);

    const generated = await run(root, "generate");
    expect(generated.code).toBe(0);
    expect(generated.stderr).toContain(
      "dropped gen/.mdmodel-journal.json and gen/.mdmodel-staging without reading them: no run on this machine committed it",
    );
    expect(await readFile(join(root, "package.json"), "utf8")).toBe(PACKAGE_JSON);
    expect(await around(root)).toBe(before);
    await expect(lstat(join(root, "gen/.mdmodel-journal.json"))).rejects.toThrow();
  });

  test("a journal removing link/keep.txt through gen/link -> ../victim deletes nothing", async () => {
    const root = await project("replay-remove");
    await symlink("../victim", join(root, "gen/link"));
    await writeFile(
      join(root, "gen/.mdmodel-journal.json"),
      JSON.stringify({ renames: [], removes: ["link/keep.txt"] }),
    );
    await expectGenerateTouchesNothingOutside(root);
  });

  test("a staging folder that is a link to ../secrets moves no secret into the output folder", async () => {
    const root = await project("replay-staging-link");
    await symlink("../secrets", join(root, "gen/.mdmodel-staging"));
    await writeFile(join(root, "gen/.mdmodel-journal.json"), JSON.stringify({ renames: ["id_rsa"], removes: [] }));
    commitPullRequest(root);
    const before = await around(root);
    expect((await run(root, "generate", "--out", "gen", "--check")).code).toBe(1);
    expect((await run(root, "generate")).code).toBe(0);
    expect(await readFile(join(root, "secrets/id_rsa"), "utf8")).toBe("-----BEGIN KEY-----\n");
    await expect(lstat(join(root, "gen/id_rsa"))).rejects.toThrow();
    expect(await around(root)).toBe(before);
  });

  test("a journal's temporary file that is a link is never written through", async () => {
    const root = await project("journal-tmp-link");
    await symlink("../victim/keep.txt", join(root, "gen/.mdmodel-journal.json.tmp"));
    // With a journal beside it, a run would once have replayed that and left the link for its own journal to be written through.
    await writeFile(join(root, "gen/.mdmodel-journal.json"), JSON.stringify({ renames: [], removes: [] }));
    // A doc change, so the run writes (and with it, a journal).
    const doc = join(root, "docs/models/components/order.md");
    await writeFile(
      doc,
      (await readFile(doc, "utf8")).replace("An order placed by a customer.", "An order a customer placed."),
    );
    await expectGenerateTouchesNothingOutside(root);
  });

  test("a journal that names files no manifest lists (README.md, extra.ts) touches neither", async () => {
    const root = await project("journal-foreign");
    await writeFile(join(root, "gen/README.md"), "# Our models\n");
    await writeFile(join(root, "gen/extra.ts"), "export const mine = 1;\n");
    git(root, "add", "-A");
    git(root, "commit", "-qm", "the team's own files");
    await mkdir(join(root, "gen/.mdmodel-staging"));
    await writeFile(join(root, "gen/.mdmodel-staging/extra.ts"), "export const injected = 1;\n");
    await writeFile(
      join(root, "gen/.mdmodel-journal.json"),
      JSON.stringify({ renames: ["extra.ts"], removes: ["README.md"] }),
    );
    commitPullRequest(root);
    expect((await run(root, "generate")).code).toBe(0);
    expect(await readFile(join(root, "gen/README.md"), "utf8")).toBe("# Our models\n");
    expect(await readFile(join(root, "gen/extra.ts"), "utf8")).toBe("export const mine = 1;\n");
  });

  test("a journal that cannot complete never blocks a run, --full included; a leftover staging folder in the way is dropped", async () => {
    const root = await project("journal-stuck");
    // A staged folder to rename over the output's models/ folder: no rename can do that.
    await mkdir(join(root, "gen/.mdmodel-staging/models"), { recursive: true });
    await writeFile(join(root, "gen/.mdmodel-staging/models/x.ts"), "export {};\n");
    await writeFile(join(root, "gen/.mdmodel-journal.json"), JSON.stringify({ renames: ["models"], removes: [] }));
    commitPullRequest(root);
    expect((await run(root, "generate", "--full")).code).toBe(0);
    expect((await run(root, "generate", "--out", "gen", "--check", "--no-cache")).code).toBe(0);
  });
});

describe("git answers only from the working folder's repository", () => {
  /** A bare repository's files (HEAD, config, objects/, refs/) copied into `folder`, its `main` holding `files` at its root. */
  async function plantRepository(folder: string, files: Record<string, string>, config: string[] = []): Promise<void> {
    const bare = join(work, `bare-${Math.random().toString(36).slice(2)}`);
    const tree = `${bare}-tree`;
    await mkdir(tree, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(tree, path, ".."), { recursive: true });
      await writeFile(join(tree, path), text);
    }
    git(work, "init", "-q", "--bare", bare);
    git(tree, `--git-dir=${bare}`, `--work-tree=${tree}`, "add", "-A");
    git(tree, `--git-dir=${bare}`, `--work-tree=${tree}`, "commit", "-qm", "planted");
    git(bare, "update-ref", "refs/remotes/origin/main", "refs/heads/main");
    for (const setting of config) git(bare, "config", ...setting.split(" "));
    await cp(bare, folder, { recursive: true });
  }

  test("a bare repository planted in the output folder, whose main vouches for a forged module, is never asked: --check --base main fails", async () => {
    const root = await project("planted-out");
    await forgeModule(root);
    const forgedManifest = await readFile(join(root, "gen/.mdmodel-manifest.json"), "utf8");
    // The plant's main holds the forged manifest where git, asked from gen/, would look for it.
    await plantRepository(join(root, "gen"), { ".mdmodel-manifest.json": forgedManifest });
    commitPullRequest(root);
    const based = await run(root, "generate", "--out", "gen", "--check", "--base", "main");
    expect(based.code).toBe(1);
    expect(based.stderr).toContain(`edited by hand: ${ORDER}`);
    expect(based.stderr).toContain("+export const pwned = 1;".replace("+", "-"));
    expect((await run(root, "generate", "--out", "gen", "--check")).code).toBe(1);
  });

  test("a repository planted in the docs folder (core.worktree=.) is never asked: diff --base main reports the removed field", async () => {
    const root = await project("planted-docs");
    const doc = join(root, "docs/models/components/lineitem.md");
    await writeFile(doc, (await readFile(doc, "utf8")).replace(/^\| `giftWrap`.*\n/m, ""));
    const docs: Record<string, string> = {};
    for (const entry of await readdir(join(root, "docs"), { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        docs[relative(join(root, "docs"), join(entry.parentPath, entry.name))] = await readFile(
          join(entry.parentPath, entry.name),
          "utf8",
        );
    }
    await plantRepository(join(root, "docs"), docs, ["core.bare false", "core.worktree ."]);
    commitPullRequest(root);
    const diff = await run(root, "diff", "--base", "main");
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("field-removed");
    expect(diff.stdout).toContain("giftWrap");
  });

  test("a folder named origin/main holding the PR's docs is not taken for the ref: diff --base origin/main says so and exits 3", async () => {
    const root = await project("ref-folder");
    git(root, "update-ref", "refs/remotes/origin/main", "main");
    const doc = join(root, "docs/models/components/lineitem.md");
    await writeFile(doc, (await readFile(doc, "utf8")).replace(/^\| `giftWrap`.*\n/m, ""));
    await cp(join(root, "docs"), join(root, "origin/main"), { recursive: true });
    commitPullRequest(root);
    const diff = await run(root, "diff", "--base", "origin/main");
    expect(diff.code).toBe(3);
    expect(oneLine(diff)).toBe(
      "mdmodel: --base origin/main names both a git ref and a folder; write the folder as ./origin/main, or the ref unambiguously (refs/remotes/origin/main, a commit)",
    );
    const byRef = await run(root, "diff", "--base", "refs/remotes/origin/main");
    expect(byRef.code).toBe(1);
    expect(byRef.stdout).toContain("giftWrap");
  });
});

describe("files that take a generated module's place, and files mdmodel did not write", () => {
  test.each([
    [
      "lineitem.js beside lineitem.ts",
      "gen/models/components/lineitem.js",
      "export function isLineItem() { return true; }\n",
      "gen/models/components/lineitem.js",
    ],
    [
      "lineitem.d.ts",
      "gen/models/components/lineitem.d.ts",
      "export declare const x: 1;\n",
      "gen/models/components/lineitem.d.ts",
    ],
    ["index.mjs beside the barrel", "gen/index.mjs", "export {};\n", "gen/index.mjs"],
    [
      "a folder named like the specifier",
      "gen/models/components/lineitem.js/index.js",
      "export {};\n",
      "gen/models/components/lineitem.js",
    ],
    [
      "a nested package.json",
      "gen/models/package.json",
      '{ "imports": { "#x": "./evil.js" } }\n',
      "gen/models/package.json",
    ],
  ])("%s: --check fails (shadow), generate stops with one line and writes nothing", async (name, path, text, named) => {
    const root = await project(`shadow-${name.replace(/\W+/g, "-")}`);
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
    commitPullRequest(root);
    const check = await run(root, "generate", "--out", "gen", "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`would be imported instead of a generated module (remove it): ${path}`);
    expect((await run(root, "generate", "--out", "gen", "--check", "--base", "main")).code).toBe(1);
    // A doc change, so generate has something to write.
    const doc = join(root, "docs/models/components/order.md");
    await writeFile(
      doc,
      (await readFile(doc, "utf8")).replace("An order placed by a customer.", "An order a customer placed."),
    );
    const before = await readFile(join(root, ORDER), "utf8");
    const generated = await run(root, "generate");
    expect(generated.code).toBe(3);
    expect(oneLine(generated)).toMatch(
      new RegExp(
        `^mdmodel: ${named.replace(/[.]/g, "\\.")}(: a package\\.json inside the output folder| would be imported instead of the generated gen/)`,
      ),
    );
    expect(await readFile(join(root, ORDER), "utf8")).toBe(before);
  });

  test("generate --out src will not replace the user's own src/index.ts; --force does", async () => {
    const root = await project("foreign-index");
    await mkdir(join(root, "src"));
    await writeFile(join(root, "src/index.ts"), "export const app = 1;\n");
    const outcome = await mdmodel(root, "generate", "--input", "docs", "--out", "src");
    expect(outcome.code).toBe(3);
    expect(oneLine(outcome)).toBe(
      "mdmodel: refusing to replace src/index.ts: mdmodel did not write it (no manifest lists it), and the docs now put a generated file there; move it away, or run again with --force to replace it",
    );
    expect(await readFile(join(root, "src/index.ts"), "utf8")).toBe("export const app = 1;\n");
    expect(await readdir(join(root, "src"))).toEqual(["index.ts"]);
    expect((await mdmodel(root, "generate", "--input", "docs", "--out", "src", "--force")).code).toBe(0);
    expect(await readFile(join(root, "src/index.ts"), "utf8")).toContain("Code generated by mdmodel");
  });

  test("a new doc whose module lands on a hand-written gen/extra.ts is an error naming both; --check says conflict", async () => {
    const root = await project("foreign-extra");
    await writeFile(join(root, "gen/extra.ts"), "export const mine = 1;\n");
    await writeFile(
      join(root, "docs/extra.md"),
      "# Extra\n\nAn extra.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: | A |\n",
    );
    const check = await run(root, "generate", "--out", "gen", "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("not mdmodel's, where the docs put a generated file: gen/extra.ts");
    const outcome = await run(root, "generate");
    expect(outcome.code).toBe(3);
    expect(oneLine(outcome)).toBe(
      "mdmodel: refusing to replace gen/extra.ts: mdmodel did not write it (no manifest lists it), and docs/extra.md now puts a generated file there; move it away, or run again with --force to replace it",
    );
    expect(await readFile(join(root, "gen/extra.ts"), "utf8")).toBe("export const mine = 1;\n");
  });
});

describe("special files and sizes", () => {
  test.each(["mdmodel.config.json", "gen/.mdmodel-manifest.json", "gen/.mdmodel-journal.json", "gen/.mdmodel.lock"])(
    "%s as a link to /dev/zero: read no further, one line or a clean run",
    async (path) => {
      const root = await project(`dev-zero-${path.replace(/\W+/g, "-")}`);
      await rm(join(root, path), { force: true });
      await symlink("/dev/zero", join(root, path));
      commitPullRequest(root);
      const started = performance.now();
      const outcome = await mdmodelWith(
        { NODE_OPTIONS: "--max-old-space-size=256" },
        root,
        "generate",
        "--input",
        "docs",
        "--out",
        "gen",
      );
      expect(performance.now() - started).toBeLessThan(30_000);
      if (path === "mdmodel.config.json") {
        expect(outcome.code).toBe(3);
        expect(oneLine(outcome)).toBe(
          "mdmodel: invalid config in mdmodel.config.json: cannot read it: it is a symbolic link (mdmodel reads a config only from a regular file; pass --config to use another file)",
        );
      } else {
        expect(outcome.code, outcome.stderr).toBe(0);
        expect((await lstat(join(root, path)).catch(() => undefined))?.isSymbolicLink() ?? false).toBe(false);
      }
    },
  );

  test("a 3 GB sparse doc is exit 2 naming it, read no further than the limit", async () => {
    const root = await project("sparse-doc");
    execFileSync("truncate", ["-s", "3G", join(root, "docs/huge.md")]);
    const outcome = await mdmodelWith(
      { NODE_OPTIONS: "--max-old-space-size=256" },
      root,
      "generate",
      "--input",
      "docs",
      "--out",
      "gen",
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("docs/huge.md:1:1: error the doc is 3072 MB, over the 2 MB a model doc may have");
  });

  test.each([
    ["/", "the root of the file system"],
    [homedir(), "your home folder"],
    [".", "a project's folder (it holds package.json)"],
    ["victim/..", "a project's folder (it holds package.json)"],
  ])("--out %s is exit 3 with one line", async (out, why) => {
    const root = await project(`out-${why.replace(/\W+/g, "-")}-${out.length}`);
    const before = await around(root);
    const outcome = await mdmodel(root, "generate", "--input", "docs", "--out", out);
    expect(outcome.code).toBe(3);
    expect(oneLine(outcome)).toContain(`is ${why}; mdmodel does not write there: choose another --out`);
    expect(await around(root)).toBe(before);
  });

  test("an output folder that holds a package.json, node_modules or .git is refused; so is a config's out outside the repository", async () => {
    const root = await project("out-project");
    await mkdir(join(root, "app/node_modules"), { recursive: true });
    expect(oneLine(await mdmodel(root, "generate", "--input", "docs", "--out", "app"))).toBe(
      "mdmodel: the output folder app is a project's folder (it holds node_modules); mdmodel does not write there: choose another --out",
    );
    await writeFile(join(root, "mdmodel.config.json"), JSON.stringify({ input: "docs", out: "../victim-elsewhere" }));
    const outcome = await mdmodel(root, "generate");
    expect(outcome.code).toBe(3);
    expect(oneLine(outcome)).toBe(
      "mdmodel: the config's out folder ../victim-elsewhere is outside the repository; a config file may only name folders inside it (--out on the command line may name any)",
    );
  });

  test("an output folder that is a link (gen -> ../victim) is refused before anything is written", async () => {
    const root = await project("out-link");
    await rm(join(root, "gen"), { recursive: true });
    await symlink("victim", join(root, "gen"));
    commitPullRequest(root);
    const before = await around(root);
    const outcome = await run(root, "generate");
    expect(outcome.code).toBe(3);
    expect(oneLine(outcome)).toBe(
      'mdmodel: the output folder\'s path goes through gen, a symbolic link to "victim"; mdmodel writes only into real folders: make it a folder, or choose another --out',
    );
    expect(await around(root)).toBe(before);
  });

  test("manifest entries naming a folder, or nothing, are ignored; a read-only part of the folder fails with one line and leaves no journal or staging", async () => {
    const root = await project("manifest-folders");
    const manifest = JSON.parse(await readFile(join(root, "gen/.mdmodel-manifest.json"), "utf8")) as {
      files: Record<string, string>;
    };
    manifest.files["models"] = "0".repeat(64);
    manifest.files[""] = "0".repeat(64);
    await writeFile(join(root, "gen/.mdmodel-manifest.json"), JSON.stringify(manifest));
    const doc = join(root, "docs/models/components/order.md");
    await writeFile(
      doc,
      (await readFile(doc, "utf8")).replace("An order placed by a customer.", "An order a customer placed."),
    );
    expect((await run(root, "generate")).code).toBe(0);
    // A part of the folder no rename can reach: a read-only file system mounted there (root only), else a read-only folder (not root).
    await writeFile(doc, (await readFile(doc, "utf8")).replace("An order a customer placed.", "An order."));
    const components = join(root, "gen/models/components");
    const restore = await readOnly(components);
    if (restore === undefined) return;
    try {
      const outcome = await run(root, "generate");
      expect(outcome.code).toBe(3);
      expect(oneLine(outcome)).toMatch(
        /^mdmodel: (read-only file system|permission denied|a part of the output folder is another file system)/,
      );
      expect(
        (await readdir(join(root, "gen"))).filter(
          (name) => name.startsWith(".mdmodel-") && name !== ".mdmodel-manifest.json",
        ),
      ).toEqual([]);
    } finally {
      await restore();
    }
    expect((await run(root, "generate")).code).toBe(0);
    expect((await run(root, "generate", "--out", "gen", "--check", "--no-cache")).code).toBe(0);
  });
});

describe("a read-only output folder", () => {
  test("is read as it is: generate with nothing to write succeeds; with something to write, one line and exit 3", async () => {
    const root = await project("read-only-out");
    const restore = await readOnly(join(root, "gen"));
    if (restore === undefined) return;
    try {
      // --full reads every doc and compares every file: with nothing different, nothing is written.
      expect((await run(root, "generate", "--full")).code).toBe(0);
      const doc = join(root, "docs/models/components/order.md");
      await writeFile(
        doc,
        (await readFile(doc, "utf8")).replace("An order placed by a customer.", "An order a customer placed."),
      );
      const outcome = await run(root, "generate");
      expect(outcome.code).toBe(3);
      expect(oneLine(outcome)).toMatch(/^mdmodel: (read-only file system|permission denied): gen$/);
    } finally {
      await restore();
    }
  });
});

/** Makes `folder` impossible to write into, keeping what it holds; gives the undo, or `undefined` where this machine cannot. */
async function readOnly(folder: string): Promise<(() => Promise<void>) | undefined> {
  if (process.getuid?.() !== 0) {
    await chmod(folder, 0o555);
    return () => chmod(folder, 0o755);
  }
  const copy = `${folder}-copy`;
  try {
    await cp(folder, copy, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder], { stdio: "ignore" });
    await cp(copy, folder, { recursive: true });
    execFileSync("mount", ["-o", "remount,ro", folder], { stdio: "ignore" });
    return async () => {
      execFileSync("umount", [folder]);
      await rm(copy, { recursive: true });
    };
  } catch {
    return undefined;
  }
}

describe("text that reaches a terminal, a CI log or a reviewer", () => {
  test("a doc file name with a terminal title sequence is shown escaped, never sent", async () => {
    const root = await project("escape-name");
    await writeFile(
      join(root, "docs/evil\u001b]0;pwned\u0007.md"),
      "# Evil\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *nope* | :heavy_check_mark: | A |\n",
    );
    for (const reporter of ["text", "github", "json"]) {
      const outcome = await run(root, "generate", "--reporter", reporter);
      expect(outcome.code, reporter).toBe(2);
      expect(outcome.stdout + outcome.stderr, reporter).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    }
  });

  test("a doc file name holding workflow commands starts no line of diff's output, in any reporter", async () => {
    const root = await project("escape-workflow");
    git(root, "update-ref", "refs/remotes/origin/main", "main");
    await writeFile(
      join(root, "docs/x\n::add-mask::secret\n::error file=a::pwned.md"),
      "# Injected\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: | A |\n",
    );
    for (const reporter of ["github", "text", "markdown"]) {
      const outcome = await run(root, "diff", "--base", "origin/main", "--reporter", reporter);
      // A line break in a doc's path is an error at the doc (no import specifier holds one): it is named, escaped.
      expect(outcome.code, reporter).toBe(2);
      const lines = `${outcome.stdout}\n${outcome.stderr}`.split("\n");
      expect(
        lines.filter((line) => /^::(add-mask|error file=a)/.test(line)),
        reporter,
      ).toEqual([]);
      expect(outcome.stdout + outcome.stderr, reporter).toContain("\\x0a::add-mask::secret");
    }
  });

  test("a config whose out holds a newline and bidi controls is shown escaped in the summary and the fix", async () => {
    const root = await project("escape-config");
    await writeFile(
      join(root, "mdmodel.config.json"),
      JSON.stringify({ input: "docs", out: "gen\n::error::x\u202Eevil" }),
    );
    expect((await mdmodel(root, "generate")).code).toBe(0);
    const doc = join(root, "docs/models/components/order.md");
    await writeFile(
      doc,
      (await readFile(doc, "utf8")).replace("An order placed by a customer.", "An order a customer placed."),
    );
    const check = await mdmodel(root, "generate", "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).not.toMatch(/^::error/m);
    expect(check.stderr).not.toMatch(/\u202E/);
    expect(check.stderr).toContain("gen\\x0a::error::x\\u{202E}evil");
    expect(check.stdout + check.stderr).toContain("config mdmodel.config.json");
  });
});

describe("init keeps package.json as it was, but for the scripts", () => {
  test("a byte-order mark, CRLF, one-line arrays and a number past 2^53 are kept byte for byte", async () => {
    const root = join(work, "init-bytes");
    await mkdir(root);
    const original =
      '\uFEFF{\r\n  "name": "app",\r\n  "id": 12345678901234567891,\r\n  "files": ["a", "b"],\r\n  "scripts": {\r\n    "test": "vitest"\r\n  }\r\n}\r\n';
    await writeFile(join(root, "package.json"), original);
    expect((await mdmodel(root, "init")).code).toBe(0);
    const text = await readFile(join(root, "package.json"), "utf8");
    expect(text).toBe(
      original.replace(
        '"test": "vitest"',
        '"test": "vitest",\r\n    "generate": "mdmodel generate",\r\n    "generate:check": "mdmodel generate --check"',
      ),
    );
  });

  test.each([
    [
      "a link",
      async (root: string) => symlink(join(work, "elsewhere-package.json"), join(root, "package.json")),
      "is a symbolic link",
    ],
    ["a folder", async (root: string) => mkdir(join(root, "package.json")), "is not a regular file"],
  ])("a package.json that is %s: one line, exit 3, nothing written", async (name, make, why) => {
    const root = join(work, `init-${name.replace(/\W+/g, "-")}`);
    await mkdir(root);
    await writeFile(join(work, "elsewhere-package.json"), "{}\n");
    await make(root);
    const outcome = await mdmodel(root, "init");
    expect(outcome.code).toBe(3);
    expect(oneLine(outcome)).toBe(
      `mdmodel: cannot add the scripts: package.json ${why}; add them by hand (mdmodel init --help); nothing written`,
    );
    await expect(lstat(join(root, "mdmodel.config.json"))).rejects.toThrow();
  });
});

describe("the config file", () => {
  test("one above the project's root (its package.json or .git) is not read, and the summary names the one used", async () => {
    const outer = join(work, "outer");
    await mkdir(outer);
    await writeFile(join(outer, "mdmodel.config.json"), JSON.stringify({ out: "../../redirected" }));
    const root = join(outer, "app");
    await mkdir(root);
    await cp("seeds", join(root, "docs"), { recursive: true });
    await writeFile(join(root, "package.json"), PACKAGE_JSON);
    const plain = await mdmodel(root, "generate", "--input", "docs", "--out", "gen");
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain("config ");
    await writeFile(join(root, "mdmodel.config.json"), JSON.stringify({ input: "docs", out: "gen" }));
    const configured = await mdmodel(root, "generate", "--reporter", "json");
    expect(JSON.parse(configured.stdout)).toMatchObject({ config: "mdmodel.config.json", exitCode: 0 });
    expect((await mdmodel(root, "generate")).stdout).toMatch(/; config mdmodel\.config\.json\)\n$/);
  });
});
