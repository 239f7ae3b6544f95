/**
 * What `--check` trusts: never the manifest the change under review holds. A pull request that
 * edits a generated file and forges its hash in the manifest fails the check in a fresh clone,
 * with `--base` (the base's committed output is the reference) and without (everything is
 * made again); a manifest this machine wrote is trusted only while it is exactly that one.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { sha256Hex } from "../../src/shared/hash.js";
import { mdmodel } from "../helpers/run-cli.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-trust-"));
afterAll(() => rm(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    stdio: "pipe",
  }).toString();
const MODULE = "generated/models/components/order.ts";
const MANIFEST = "generated/.mdmodel-manifest.json";

/** A repository with the seeds and their output on `main`, and a branch `pr` that edits a generated module and forges its hash in the manifest. */
async function repository(name: string): Promise<string> {
  const repo = join(work, name);
  await cp("seeds", join(repo, "docs"), { recursive: true });
  expect((await mdmodel(repo, "generate", "--input", "docs", "--out", "generated", "--no-cache")).code).toBe(0);
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "docs and output");
  git(repo, "checkout", "-qb", "pr");
  const forged = `${await readFile(join(repo, MODULE), "utf8")}export const pwned = 1;\n`;
  await writeFile(join(repo, MODULE), forged);
  const manifest = JSON.parse(await readFile(join(repo, MANIFEST), "utf8")) as { files: Record<string, string> };
  manifest.files["models/components/order.ts"] = sha256Hex(forged);
  await writeFile(join(repo, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  git(repo, "commit", "-qam", "an innocent change");
  return repo;
}

/** A fresh clone of `repo` at `pr`, with `main` known as `origin/main`: no caches. */
function freshClone(repo: string, name: string): string {
  const clone = join(work, name);
  git(work, "clone", "-q", "--branch", "pr", repo, clone);
  return clone;
}

const check = (cwd: string, ...args: string[]) =>
  mdmodel(cwd, "generate", "--input", "docs", "--out", "generated", "--check", ...args);

describe("--check and a forged manifest", () => {
  test("a hand edit with its hash forged in the manifest fails the check in a fresh clone, with --base and without", async () => {
    const clone = freshClone(await repository("forged"), "forged-clone");
    const plain = await check(clone);
    expect(plain.code).toBe(1);
    // Trusting no manifest, it cannot tell a hand edit from a stale file, but it finds it.
    expect(plain.stderr).toContain("stale: generated/models/components/order.ts");
    expect(plain.stdout).not.toContain("nothing changed since the last run");

    const based = await check(clone, "--base", "origin/main");
    expect(based.code).toBe(1);
    expect(based.stderr).toContain("edited by hand: generated/models/components/order.ts");
    expect(based.stderr).toContain("-export const pwned = 1;");
    // The fix it names writes (`--base` is for the check only), and reads every doc: a plain generate trusts the folder's manifest, forged hash and all.
    expect(based.stderr).toContain("run `npx mdmodel generate --input docs --out generated --full` and commit");
    expect(plain.stderr).toContain("run `npx mdmodel generate --input docs --out generated --full` and commit");

    // The check trusted nothing it found: after the fix, the same commands pass, the one with --base without reading a doc.
    expect((await mdmodel(clone, "generate", "--input", "docs", "--out", "generated", "--full")).code).toBe(0);
    expect((await check(clone, "--no-cache")).code).toBe(0);
    git(clone, "checkout", "-q", "origin/main", "--", "generated");
    const clean = await check(clone, "--base", "origin/main");
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringMatching(/nothing changed since the last run/) });
  });

  test("--base with one doc changed makes only the modules that reach it, and finds their drift", async () => {
    const repo = await repository("one-doc");
    git(repo, "checkout", "-q", "main");
    const clone = freshClone(repo, "one-doc-clone");
    git(clone, "checkout", "-q", "main");
    const doc = join(clone, "docs/models/components/lineitem.md");
    await writeFile(doc, (await readFile(doc, "utf8")).replace(/^(# .*\n)/m, "$1\nEdited.\n"));
    const based = await check(clone, "--base", "HEAD");
    expect(based.code).toBe(1);
    expect(based.stderr).toContain("stale: generated/models/components/lineitem.ts");
    // Order embeds LineItem, so its module was made again too, and found unchanged.
    expect(based.stderr).not.toContain("stale: generated/models/components/order.ts");
    expect((await check(clone, "--full")).stderr).toContain("stale: generated/models/components/lineitem.ts");
  });

  test("a manifest this machine wrote is trusted only while it is exactly that one", async () => {
    const project = join(work, "local");
    await cp("seeds", join(project, "docs"), { recursive: true });
    expect((await mdmodel(project, "generate", "--input", "docs", "--out", "generated")).code).toBe(0);
    expect(await check(project)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/nothing changed since the last run/),
    });
    const forged = `${await readFile(join(project, MODULE), "utf8")}export const pwned = 1;\n`;
    await writeFile(join(project, MODULE), forged);
    const manifest = JSON.parse(await readFile(join(project, MANIFEST), "utf8")) as { files: Record<string, string> };
    manifest.files["models/components/order.ts"] = sha256Hex(forged);
    await writeFile(join(project, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const outcome = await check(project);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("generated/models/components/order.ts");
  });

  test("--base needs --check and a ref the repository has", async () => {
    const repo = await repository("usage");
    expect(await mdmodel(repo, "generate", "--input", "docs", "--out", "generated", "--base", "main")).toMatchObject({
      code: 3,
      stderr: "mdmodel: --base works with --check only: a run that writes reuses its own output folder\n",
    });
    expect(await check(repo, "--base", "nope")).toMatchObject({
      code: 3,
      stderr: 'mdmodel: --base nope: the repository has no commit "nope"\n',
    });
    const outside = join(work, "no-git");
    await cp("seeds", join(outside, "docs"), { recursive: true });
    await mdmodel(outside, "generate", "--input", "docs", "--out", "generated", "--no-cache");
    expect(await check(outside, "--base", "main")).toMatchObject({
      code: 3,
      stderr: "mdmodel: --base main: the working folder is not in a git repository\n",
    });
  });
});
