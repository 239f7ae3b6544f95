/** The real command on temporary folders: exit codes, messages, and what it writes. */
import { createHash } from "node:crypto";
import { readFile, rm, stat, utimes, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { mdmodel, GENERATE_DOCS } from "../helpers/run-cli.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

async function snapshotFolder(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await readdir(folder, { recursive: true })) {
    const full = join(folder, path);
    if ((await stat(full)).isFile()) files[path] = await readFile(full, "utf8");
  }
  return files;
}

/** The folder's files, with the manifest's `generatedBy` (which generator build made them) left out. */
async function outputOf(folder: string): Promise<Record<string, string>> {
  const files = await snapshotFolder(folder);
  const { generatedBy: _maker, ...manifest } = JSON.parse(files[".mdmodel-manifest.json"]!) as Record<string, unknown>;
  return { ...files, ".mdmodel-manifest.json": JSON.stringify(manifest) };
}

const work = tempFolderPerTest("cli", { seedsAt: "docs" });

describe("mdmodel generate", () => {
  test("writes the output and prints a one-line summary", async () => {
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    expect(outcome.stdout).toMatch(
      /^mdmodel: 11 TypeScript docs read, 11 models \(8 objects, 2 enums, 1 union\), 0 skipped; 14 files written, 0 unchanged, 0 removed; 0 warnings \(\d+ ms\)\n$/,
    );
    expect(await outputOf(join(work.dir, "out"))).toEqual(await outputOf("generated"));
  });

  test("--check passes on a clean output, then names each stale file after a doc changes", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(await mdmodel(work.dir, ...GENERATE_DOCS, "--check")).toMatchObject({
      code: 0,
    });

    const doc = join(work.dir, "docs/models/shared/address.md");
    const text = await readFile(doc, "utf8");
    await writeFile(doc, text.replace("City or town", "City, town or village"));
    const before = await snapshotFolder(join(work.dir, "out"));
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS, "--check");
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("stale: out/models/shared/address.ts");
    expect(outcome.stderr).toContain(
      "  --- out/models/shared/address.ts (on disk)\n  +++ out/models/shared/address.ts (from the docs)\n",
    );
    expect(outcome.stderr).toContain("  -   * City or town\n  +   * City, town or village\n");
    expect(outcome.stderr).toMatch(
      /differs from the docs in 1 file; run `npx mdmodel generate --input docs --out out` and commit/,
    ); // the manifest follows the modules
    expect(await snapshotFolder(join(work.dir, "out"))).toEqual(before);
  });

  test("a run with nothing changed is vouched for by the manifest; --full regenerates", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    const again = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(again.stdout).toMatch(
      /^mdmodel: out is up to date; 11 TypeScript docs read, 11 models .*; nothing changed since the last run/,
    );
    const check = await mdmodel(work.dir, ...GENERATE_DOCS, "--check");
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toMatch(/nothing changed since the last run/);
    const full = await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--full");
    expect(full.stdout).toMatch(/^mdmodel --check: out is up to date; 11 TypeScript docs read/);
    expect(full.stdout).not.toMatch(/nothing changed since the last run/);
  });

  test("a checkout that restores the same bytes with new file times is still nothing changed: trust goes by content", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    const later = new Date(Date.now() + 3_600_000);
    for (const folder of ["docs", "out"]) {
      for (const path of await readdir(join(work.dir, folder), { recursive: true }))
        await utimes(join(work.dir, folder, path), later, later);
    }
    for (const args of [[], ["--check"]])
      expect((await mdmodel(work.dir, ...GENERATE_DOCS, ...args)).stdout).toMatch(/nothing changed since the last run/);
  });

  test("a field's type changed reads only the docs that reach it; an added doc reads every one and says why", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    const doc = join(work.dir, "docs/models/components/product.md");
    await writeFile(doc, (await readFile(doc, "utf8")).replace("| `name` | *string* |", "| `name` | *number* |"));
    const retyped = await mdmodel(work.dir, ...GENERATE_DOCS);
    // Product's example no longer fits: productExample leaves the barrel, which is made again from the manifest's records.
    expect(retyped.stdout).toMatch(
      /^mdmodel: 11 TypeScript docs \(\d read for the change\), 11 models .* 1 module made, the others reused; 3 files written/m,
    );
    expect(await readFile(join(work.dir, "out/index.ts"), "utf8")).not.toContain("productExample");
    expect(await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--full")).toMatchObject({
      code: 0,
    });
    await writeFile(
      join(work.dir, "docs/models/components/note.md"),
      "# Note\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `text` | *string* | :heavy_check_mark: | Text |\n",
    );
    expect((await mdmodel(work.dir, ...GENERATE_DOCS)).stdout).toMatch(
      /^mdmodel: 12 TypeScript docs read \(all: docs were added, removed or renamed\), 12 models/,
    );
  });

  test("--check --full catches an edit that also forged the manifest's hash", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    const file = join(work.dir, "out/models/shared/address.ts");
    const edited = (await readFile(file, "utf8")).replace("City or town", "Hacked");
    await writeFile(file, edited);
    const manifestPath = join(work.dir, "out/.mdmodel-manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    manifest.files["models/shared/address.ts"] = createHash("sha256").update(edited).digest("hex");
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
    const full = await mdmodel(work.dir, ...GENERATE_DOCS, "--check", "--full");
    expect(full.code).toBe(1);
    expect(full.stderr).toContain("out/models/shared/address.ts");
  });

  test("--check reports missing, hand-edited and no-longer-produced files, and not files mdmodel did not write", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    await rm(join(work.dir, "out/models/components/lineitem.ts"));
    await writeFile(join(work.dir, "out/models/shared/address.ts"), "// edited by hand\n");
    await writeFile(join(work.dir, "out/extra.ts"), "export {};\n");
    await rm(join(work.dir, "docs/models/shared/createcustomer.md"));
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS, "--check");
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("missing: out/models/components/lineitem.ts");
    expect(outcome.stderr).toContain("edited by hand: out/models/shared/address.ts");
    expect(outcome.stderr).toContain("  -// edited by hand");
    expect(outcome.stderr).toContain("no doc produces it now: out/models/shared/createcustomer.ts");
    expect(outcome.stderr).not.toContain("extra.ts");
    expect(outcome.stderr).toContain("run `npx mdmodel generate --input docs --out out` and commit");
  });

  test("rewrites only what changed, removes what no doc produces, keeps files it did not write", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    await writeFile(join(work.dir, "out/notes.txt"), "mine\n");
    const untouched = (await stat(join(work.dir, "out/models/components/order.ts"))).mtimeMs;
    await rm(join(work.dir, "docs/models/shared/createcustomer.md"));
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/2 files written, 11 unchanged, 1 removed/);
    await expect(stat(join(work.dir, "out/models/shared/createcustomer.ts"))).rejects.toThrow();
    expect(await readFile(join(work.dir, "out/notes.txt"), "utf8")).toBe("mine\n");
    expect((await stat(join(work.dir, "out/models/components/order.ts"))).mtimeMs).toBe(untouched);
  });

  test("a broken doc: file:line:column, exit 2, and nothing under the output folder changes", async () => {
    await mdmodel(work.dir, ...GENERATE_DOCS);
    const before = await snapshotFolder(join(work.dir, "out"));
    await writeFile(
      join(work.dir, "docs/models/shared/address.md"),
      "# Address\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `city` | *strin g* | :heavy_check_mark: |\n",
    );
    const outcome = await mdmodel(work.dir, ...GENERATE_DOCS);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("models/shared/address.md:7:");
    expect(outcome.stderr).toMatch(/error cannot read the type of `city`/);
    expect(outcome.stderr).toMatch(/nothing written/);
    expect(await snapshotFolder(join(work.dir, "out"))).toEqual(before);
  });

  test("bad usage exits 3", async () => {
    expect((await mdmodel(work.dir, "generate", "--frobnicate")).code).toBe(3);
    expect((await mdmodel(work.dir, "build")).code).toBe(3);
    expect((await mdmodel(work.dir, "generate", "--input", "docs", "--out", "docs")).code).toBe(3);
    expect((await mdmodel(work.dir, "generate", "--input", "missing", "--out", "out")).code).toBe(3);
  });
});
