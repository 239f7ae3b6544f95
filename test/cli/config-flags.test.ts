/**
 * `generate --outputs/--barrel/--include/--exclude`: each flag writes what the same config
 * option writes, over the config file's value, with the config's messages for a bad value.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { configFromFlags } from "../../src/cli/config-flags.js";
import { GENERATE_DOCS, mdmodel } from "../helpers/run-cli.js";
import { tempFolderPerTest } from "../helpers/temp-folder.js";

const work = tempFolderPerTest("config-flags", { seedsAt: "docs" });

/** Every file under `dir` with its text, by path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = await readFile(path, "utf8");
  }
  return files;
}

describe("configFromFlags", () => {
  test("a preset's name is the preset, anything else a list; no flag sets nothing", () => {
    expect(configFromFlags({ outputs: "types" })).toEqual({ ok: true, config: { outputs: "types" } });
    expect(configFromFlags({ outputs: "wire" })).toEqual({ ok: true, config: { outputs: ["wire"] } });
    expect(configFromFlags({ outputs: "types, examples" })).toEqual({
      ok: true,
      config: { outputs: ["types", "examples"] },
    });
    expect(configFromFlags({ include: ["Order", "models/shared/**"], exclude: ["Address"], barrel: "none" })).toEqual({
      ok: true,
      config: { include: ["Order", "models/shared/**"], exclude: ["Address"], barrel: "none" },
    });
    expect(configFromFlags({ input: "docs", check: true })).toEqual({ ok: true, config: {} });
  });

  test("a bad value gets the config's message, naming the flag", () => {
    expect(configFromFlags({ outputs: "default,validatorz", barrel: "one" })).toEqual({
      ok: false,
      errors: [
        '--outputs lists "types", "validators", "wire", "standardSchema", "jsonSchema", "builders", "examples"; "default" is not one',
        '--barrel must be one of "index", "folders", "none", got "one"',
      ],
    });
  });
});

describe("generate with the flags", () => {
  test("write exactly what the same options in the config file write", async () => {
    const flags = ["--outputs", "types,examples", "--barrel", "none", "--include", "Order", "--exclude", "Address"];
    const byFlags = await mdmodel(work.dir, ...GENERATE_DOCS, ...flags);
    expect(byFlags.stderr).toBe("");
    expect(byFlags.code).toBe(0);
    await writeFile(
      join(work.dir, "mdmodel.config.json"),
      JSON.stringify({ outputs: ["types", "examples"], barrel: "none", include: ["Order"], exclude: ["Address"] }),
    );
    const byConfig = await mdmodel(work.dir, "generate", "--input", "docs", "--out", "by-config");
    expect(byConfig.code).toBe(0);
    const written = await tree(join(work.dir, "out"));
    expect(written).toEqual(await tree(join(work.dir, "by-config")));
    // Order and what it reaches, with types and examples only, and no barrel.
    expect(Object.keys(written)).not.toContain("index.ts");
    expect(Object.keys(written)).not.toContain("models/shared/createcustomer.ts");
    expect(written["models/components/order.ts"]).toContain("export const orderExample");
    expect(written["models/components/order.ts"]).not.toContain("export function isOrder");
  });

  test("override the config file's options, and --check holds the output to the flags it is given", async () => {
    await writeFile(
      join(work.dir, "mdmodel.config.json"),
      JSON.stringify({ input: "docs", out: "out", outputs: "all" }),
    );
    expect((await mdmodel(work.dir, "generate", "--outputs", "validators")).code).toBe(0);
    const written = await tree(join(work.dir, "out"));
    expect(Object.keys(written).filter((path) => path.endsWith(".schema.json"))).toEqual([]);
    expect(written["models/components/order.ts"]).toContain("export function validateOrder");
    expect(written["models/components/order.ts"]).not.toContain("OrderCodec");
    expect((await mdmodel(work.dir, "generate", "--check", "--outputs", "validators")).code).toBe(0);
    const drift = await mdmodel(work.dir, "generate", "--check");
    expect(drift.code).toBe(1);
    expect(drift.stderr + drift.stdout).toContain("order.schema.json");
  });

  test("a bad value is a usage error (exit 3) that names the flag and writes nothing", async () => {
    const bad = await mdmodel(work.dir, ...GENERATE_DOCS, "--outputs", "typs", "--include", " ");
    expect(bad.code).toBe(3);
    expect(bad.stderr).toBe(
      'mdmodel: --outputs lists "types", "validators", "wire", "standardSchema", "jsonSchema", "builders", "examples"; "typs" is not one (did you mean "types"?)\n' +
        'mdmodel: --include lists model names or globs of doc paths, e.g. ["Order", "models/operations/**"]; " " is not one\n',
    );
    expect(await readdir(work.dir)).toEqual(["docs"]);
  });

  test("--help lists them", async () => {
    const help = await mdmodel(work.dir, "generate", "--help");
    for (const flag of ["--outputs LIST", "--include MODEL", "--exclude MODEL", "--barrel KIND"])
      expect(help.stdout).toContain(flag);
  });
});
