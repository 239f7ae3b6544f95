/**
 * Upgrading mdmodel, as a user's project meets it: copies of the built package stand for
 * releases. One that changes no output leaves `--check` green and the manifest untouched; one
 * that changes output shows just the changed files.
 */
import { cp, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
let work: string;

/** A release of mdmodel: the built package with its version (and, optionally, a template) changed. */
async function release(name: string, version: string, runtimeEdit?: (text: string) => string): Promise<string> {
  const folder = join(work, name);
  await cp(join(ROOT, "dist"), join(folder, "dist"), { recursive: true });
  await cp(join(ROOT, "templates"), join(folder, "templates"), { recursive: true });
  const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
  await writeFile(join(folder, "package.json"), JSON.stringify({ ...manifest, version }));
  if (runtimeEdit)
    await writeFile(
      join(folder, "templates", "runtime.ts"),
      runtimeEdit(await readFile(join(folder, "templates", "runtime.ts"), "utf8")),
    );
  await symlink(join(ROOT, "node_modules"), join(folder, "node_modules"));
  return join(folder, "dist", "bin", "mdmodel.js");
}

async function run(bin: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      [bin, "generate", "--input", "docs", "--out", "out", "--no-cache", ...args],
      { cwd: join(work, "project") },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "mdmodel-upgrade-"));
  await cp(join(ROOT, "seeds"), join(work, "project", "docs"), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test("an upgrade that changes no output: --check green, generate rewrites only the manifest (who made it)", async () => {
  const before = await release("v1", "1.0.0");
  const after = await release("v1.1", "1.1.0");
  expect((await run(before)).code).toBe(0);
  const manifestPath = join(work, "project", "out", ".mdmodel-manifest.json");
  const manifest = await readFile(manifestPath, "utf8");
  const written = (await stat(manifestPath)).mtimeMs;
  expect(JSON.parse(manifest)).toMatchObject({ generatedBy: { mdmodel: "1.0.0" } });

  const check = await run(after, "--check");
  expect(check).toMatchObject({ code: 0, stderr: "" });
  // Not vouched for by the manifest (another generator made it): regenerated and compared.
  expect(check.stdout).toMatch(
    /^mdmodel --check: out is up to date; 11 TypeScript docs read, .*, 14 files \(\d+ ms\)\n$/,
  );
  const generate = await run(after);
  // The manifest now names the generator that made the output, so the next run may reuse it.
  expect(generate.stdout).toMatch(/1 file written, 13 unchanged, 0 removed/);
  const rewritten = await readFile(manifestPath, "utf8");
  expect(JSON.parse(rewritten)).toMatchObject({ generatedBy: { mdmodel: "1.1.0" } });
  expect({ ...JSON.parse(rewritten), generatedBy: null }).toEqual({ ...JSON.parse(manifest), generatedBy: null });
  expect((await stat(manifestPath)).mtimeMs).toBeGreaterThanOrEqual(written);
  // With --no-cache no manifest is one this machine checked, so the check regenerates, and finds none of it changed.
  expect(await run(after, "--check")).toMatchObject({
    code: 0,
    stdout: expect.stringMatching(/^mdmodel --check: out is up to date; 11 TypeScript docs read/),
  });
});

test("an upgrade that changes output shows the changed files in --check, and generate brings the manifest up to date", async () => {
  const before = await release("v2", "2.0.0");
  const after = await release(
    "v3",
    "3.0.0",
    (text) => `${text}\n// A helper added by 3.0.0.\nexport const added = 1;\n`,
  );
  await rm(join(work, "project", "out"), { recursive: true, force: true });
  expect((await run(before)).code).toBe(0);
  const check = await run(after, "--check");
  expect(check.code).toBe(1);
  expect(check.stderr).toContain("stale: out/runtime.ts");
  expect(check.stderr).toContain("  +export const added = 1;");
  expect(check.stderr.match(/^stale: /gm)).toHaveLength(1);
  expect((await run(after)).stdout).toMatch(/2 files written, 12 unchanged/); // runtime.ts and the manifest
  const manifest = JSON.parse(await readFile(join(work, "project", "out", ".mdmodel-manifest.json"), "utf8")) as {
    generatedBy: { mdmodel: string };
  };
  expect(manifest.generatedBy.mdmodel).toBe("3.0.0");
  expect((await run(after, "--check")).stdout).toMatch(/^mdmodel --check: out is up to date; 11 TypeScript docs read/);
});
