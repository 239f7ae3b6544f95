/**
 * The `outputs`, `barrel`, `include` and `exclude` options: every fixture's output under each
 * documented preset and barrel type-checks under the strict flags; each module exports exactly
 * what its outputs declare; a smaller preset's validators behave as the full output's; a
 * choice of models brings all they reach; sparse runs and threads give what a full run gives.
 */
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import type { ConfigInput } from "../../src/config/defaults.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { loadDocs, loadRuntimeTemplate } from "../../src/io/load-docs.js";
import { enabledOutputs, OUTPUT_PRESETS } from "../../src/shared/outputs.js";
import type { SourceDoc } from "../../src/shared/source-doc.js";
import { MANIFEST_PATH, parseManifest } from "../../src/write/manifest.js";
import { writeOutput } from "../../src/write/writer.js";
import { typecheck } from "../corpus/typecheck.js";
import { objectDoc, enumDoc } from "../helpers/docs-tree.js";
import { workFolder } from "../helpers/outputs.js";

const root = join(import.meta.dirname, "..", "fixtures");
const fixtures = (await readdir(root, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const runtimeTemplate = await loadRuntimeTemplate();
const work = await workFolder("outputs");

async function run(
  docs: readonly SourceDoc[],
  config: ConfigInput,
  more: Partial<Parameters<typeof generate>[0]> = {},
) {
  return generate({ docs, config, runtimeTemplate, ...more });
}

/** Every fixture generated with `config` into `work/<label>/<fixture>`; the `.ts` files written. */
async function fixturesWith(
  label: string,
  config: ConfigInput,
): Promise<{ files: string[]; results: Map<string, GenerateResult> }> {
  const files: string[] = [];
  const results = new Map<string, GenerateResult>();
  for (const name of fixtures) {
    const result = await run(await loadDocs(join(root, name, "docs")), config);
    expect(result.files.length, `fixture ${name} generated nothing`).toBeGreaterThan(0);
    results.set(name, result);
    const out = join(work, label, name);
    await writeOutput(out, result.files);
    files.push(...result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path)));
  }
  return { files, results };
}

// The full preset with one barrel is fixtures.test.ts's; these are the other documented presets and barrels.
const COMBINATIONS: Array<[label: string, config: ConfigInput]> = [
  ["types", { outputs: "types" }],
  ["validators", { outputs: "validators" }],
  ["all-folders", { outputs: "all", barrel: "folders" }],
  ["types-schema-examples-none", { outputs: ["types", "jsonSchema", "examples"], barrel: "none" }],
  ["wire-builders", { outputs: ["wire", "builders"], barrel: "folders" }],
  // The other presets' files carry `// @ts-nocheck`, which typecheck() reads past; these do not.
  ["default-all", { outputs: "default", typeCheck: "all" }],
];

describe.each(COMBINATIONS)("every fixture with %s", (label, config) => {
  test("type-checks under the strict flags, and each module exports what its outputs declare", async () => {
    const { files, results } = await fixturesWith(label, config);
    expect(typecheck(files, "nodenext")).toEqual([]);
    const enabled = enabledOutputs(config.outputs ?? "all");
    for (const [name, result] of results) {
      const paths = result.files.map((file) => file.path);
      const schemas = paths.filter((path) => path.endsWith(".schema.json"));
      expect(schemas.length > 0, name).toBe(enabled.has("jsonSchema"));
      const barrels = paths.filter((path) => path === "index.ts" || path.endsWith("/index.ts"));
      if (config.barrel === "none") expect(barrels).toEqual([]);
      else expect(barrels).toContain("index.ts");
      for (const file of result.files.filter((file) => file.path.endsWith(".ts") && !barrels.includes(file.path))) {
        if (file.path === "runtime.ts") continue;
        const text = file.content;
        expect(text.includes("export function is"), `${name}/${file.path}`).toBe(enabled.has("validators"));
        expect(/export (const|function) \w*[pP]arse|Codec: \$\.Codec</.test(text), `${name}/${file.path}`).toBe(
          enabled.has("wire"),
        );
        expect(text.includes("Schema: $.ModelSchema<"), `${name}/${file.path}`).toBe(enabled.has("standardSchema"));
        if (!enabled.has("builders")) expect(text).not.toContain("Builder");
        if (!enabled.has("examples")) expect(text).not.toMatch(/export const \w+Example\b/);
      }
    }
  });
});

describe("a preset's code is the full output's", () => {
  test("the validators preset accepts every typed example of the full output, and rejects what the full one rejects", async () => {
    const full = await fixturesWith("full", {});
    const slim = await fixturesWith("validators-run", { outputs: "validators" });
    let checked = 0;
    for (const [name, result] of full.results) {
      for (const example of result.examples) {
        const fullModule = (await import(join(work, "full", name, example.module))) as Record<string, unknown>;
        const slimModule = (await import(join(work, "validators-run", name, example.module))) as Record<
          string,
          (value: unknown) => { ok: boolean }
        >;
        const value = fullModule[example.exportName];
        expect(slimModule[example.validateName]!(value).ok, `${name}: ${example.exportName}`).toBe(true);
        for (const bad of [null, 42, "x", [value]]) {
          const fullValidate = fullModule[example.validateName] as (value: unknown) => { ok: boolean };
          expect(slimModule[example.validateName]!(bad).ok).toBe(fullValidate(bad).ok);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(slim.results.size).toBe(full.results.size);
  });

  test("types only: modules declare types and import nothing but types", async () => {
    const docs = await loadDocs("seeds");
    const result = await run(docs, { outputs: "types" });
    const modules = result.files.filter((file) => file.path.startsWith("models/") && file.path.endsWith(".ts"));
    expect(modules.length).toBeGreaterThan(3);
    for (const module of modules) {
      // Enum consts are the only values a types-only module holds.
      expect(module.content).not.toMatch(/export function/);
      for (const line of module.content.split("\n").filter((line) => /^import /.test(line)))
        expect(line).toMatch(/^import type /);
    }
    const full = await run(docs, {});
    const size = (r: GenerateResult) => r.files.reduce((sum, file) => sum + file.content.length, 0);
    expect(size(result)).toBeLessThan(size(full) / 3);
  });

  test("each preset is the same bytes on one thread and on two", async () => {
    const docs = await loadDocs(join(root, "links-across-folders", "docs"));
    for (const outputs of Object.keys(OUTPUT_PRESETS) as Array<keyof typeof OUTPUT_PRESETS>) {
      const one = await run(docs, { outputs, barrel: "folders" }, { threads: 1 });
      const two = await run(docs, { outputs, barrel: "folders" }, { threads: 2 });
      expect(two.files).toEqual(one.files);
    }
  });
});

describe("barrel", () => {
  test("folders: an index.ts per folder of modules, the root's with the runtime's API, and each re-exports its folder's models", async () => {
    const docs: SourceDoc[] = [
      {
        path: "components/order.md",
        text: objectDoc("Order", [{ name: "status", type: "[components.Status](./status.md)", required: true }]),
      },
      { path: "components/status.md", text: enumDoc("Status", ["open", "done"]) },
      {
        path: "errors/notfound.md",
        text: objectDoc("NotFound", [{ name: "message", type: "*string*", required: true }]),
      },
      {
        path: "top.md",
        text: objectDoc("Top", [{ name: "order", type: "[components.Order](components/order.md)", required: true }]),
      },
    ];
    const result = await run(docs, { barrel: "folders" });
    expect(result.messages.map(String)).toEqual([]);
    const paths = result.files.map((file) => file.path);
    expect(paths.filter((path) => path.endsWith("index.ts"))).toEqual([
      "components/index.ts",
      "errors/index.ts",
      "index.ts",
    ]);
    const text = (path: string) => result.files.find((file) => file.path === path)!.content;
    expect(text("components/index.ts")).toContain('from "./order.js"');
    expect(text("components/index.ts")).not.toContain("runtime");
    expect(text("index.ts")).toContain('from "./runtime.js"');
    expect(text("index.ts")).toContain('from "./top.js"');
    expect(text("index.ts")).not.toContain("order.js");
    const out = join(work, "barrel-folders");
    await writeOutput(out, result.files);
    expect(
      typecheck(
        paths.filter((p) => p.endsWith(".ts")).map((p) => join(out, p)),
        "nodenext",
      ),
    ).toEqual([]);
    const components = (await import(join(out, "components/index.ts"))) as Record<string, (v: unknown) => boolean>;
    expect(components["isOrder"]!({ status: "open" })).toBe(true);
    expect(components["isOrder"]!({ status: "shut" })).toBe(false);
  });

  test("folders: a doc whose module would be a folder's index.ts is an error at its title", async () => {
    const docs: SourceDoc[] = [
      { path: "components/index.md", text: objectDoc("Index", [{ name: "a", type: "*string*", required: true }]) },
    ];
    const result = await run(docs, { barrel: "folders" });
    expect(result.files).toEqual([]);
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      expect.stringMatching(/^1:1 bad-path .*components\/index\.ts, over the folder's barrel/),
    ]);
  });

  test("none: no index.ts, and the manifest lists no barrel", async () => {
    const result = await run(await loadDocs("seeds"), { barrel: "none" });
    expect(result.files.map((file) => file.path)).not.toContain("index.ts");
    const manifest = parseManifest(result.files.find((file) => file.path === MANIFEST_PATH)!.content);
    expect(Object.keys(manifest!.files).filter((path) => path.endsWith("index.ts"))).toEqual([]);
  });
});

describe("include and exclude", () => {
  const docs: SourceDoc[] = [
    {
      path: "models/order.md",
      text: objectDoc("Order", [{ name: "line", type: "[LineItem](./lineitem.md)", required: true }]),
    },
    { path: "models/lineitem.md", text: objectDoc("LineItem", [{ name: "sku", type: "*string*", required: true }]) },
    { path: "models/customer.md", text: objectDoc("Customer", [{ name: "name", type: "*string*", required: true }]) },
    { path: "vendor/broken.md", text: objectDoc("Broken", [{ name: "x", type: "*strin*g", required: true }]) },
  ];
  const modules = (result: GenerateResult) =>
    result.files.map((file) => file.path).filter((path) => path.startsWith("models/") || path.startsWith("vendor/"));

  test("include by name brings what the model reaches; the other docs' messages, errors too, are left out", async () => {
    const result = await run(docs, { include: ["Order"] });
    expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(modules(result).filter((p) => p.endsWith(".ts"))).toEqual(["models/lineitem.ts", "models/order.ts"]);
    expect(result.stats.models).toBe(2);
  });

  test("exclude by glob leaves a folder out, but not a model an included one reaches", async () => {
    const result = await run(docs, { exclude: ["vendor/**", "models/lineitem.md"], include: ["models/**"] });
    expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(modules(result).filter((p) => p.endsWith(".ts"))).toEqual([
      "models/customer.ts",
      "models/lineitem.ts",
      "models/order.ts",
    ]);
  });

  test("an error in a chosen doc still stops the run; an include that chooses nothing is named", async () => {
    const broken = await run(docs, { include: ["vendor/**"] });
    expect(broken.files).toEqual([]);
    expect(broken.messages.some((m) => m.fatal === true && m.file === "vendor/broken.md")).toBe(true);
    const typo = await run(docs, { include: ["Ordr", "Customer"], exclude: ["vendor/**"] });
    expect(typo.unmatched).toEqual(["Ordr"]);
    expect(modules(typo).filter((p) => p.endsWith(".ts"))).toEqual(["models/customer.ts"]);
  });
});

describe("sparse runs under other outputs", () => {
  test("a doc changed under the types preset and folder barrels: a sparse run, the bytes of a full run", async () => {
    const config: ConfigInput = { outputs: ["types", "examples"], barrel: "folders" };
    const docs = await loadDocs(join(root, "links-across-folders", "docs"));
    const first = await run(docs, config);
    const files = new Map(first.files.map((file) => [file.path, file.content]));
    const manifest = parseManifest(files.get(MANIFEST_PATH))!;
    const changed = docs.map((doc, index) =>
      index === 0 ? { ...doc, text: doc.text.replace(/\n\n/, "\n\nChanged. ") } : doc,
    );
    expect(changed[0]!.text).not.toBe(docs[0]!.text);
    const sparse = await run(changed, config, { previous: { manifest, read: (path) => files.get(path) } });
    const full = await run(changed, config);
    expect(sparse.sparse).not.toBe(false);
    expect(sparse.files).toEqual(full.files);
  });
});

describe("through the built command", () => {
  test("a config with outputs, barrel and include: the files it names, --check green, an unmatched include named", async () => {
    const { mdmodel } = await import("../helpers/run-cli.js");
    const { cp, readdir: list, writeFile: write } = await import("node:fs/promises");
    const project = join(work, "cli-project");
    await cp(join(import.meta.dirname, "..", "..", "seeds"), join(project, "docs"), { recursive: true });
    await write(
      join(project, "mdmodel.config.json"),
      JSON.stringify({ input: "docs", out: "out", outputs: "types", barrel: "none", include: ["Order", "Ordr"] }),
    );
    const run = await mdmodel(project, "generate");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('mdmodel: warning: "include" lists "Ordr", which is no model\'s name');
    // Order and what it reaches: its status, line items, address, and the payment union with its two members and their card brand.
    expect(run.stdout).toMatch(/8 models \(5 objects, 2 enums, 1 union\)/);
    const files = (await list(join(project, "out"), { recursive: true })).filter((path) => path.endsWith(".ts")).sort();
    expect(files).toEqual([
      "models/components/banktransfer.ts",
      "models/components/cardbrand.ts",
      "models/components/cardpayment.ts",
      "models/components/lineitem.ts",
      "models/components/order.ts",
      "models/components/orderstatus.ts",
      "models/components/paymentmethod.ts",
      "models/shared/address.ts",
      "runtime.ts",
    ]);
    const check = await mdmodel(project, "generate", "--check", "--full");
    expect(check.code, check.stderr).toBe(0);
    await write(join(project, "mdmodel.config.json"), JSON.stringify({ input: "docs", outputs: ["typs"] }));
    const refused = await mdmodel(project, "generate");
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('"outputs" lists "types", "validators"');
  });
});

describe('typeCheck: "declarations"', () => {
  test("marks every TypeScript file // @ts-nocheck under its banner, and changes nothing else", async () => {
    const docs = await loadDocs(join(root, "links-across-folders", "docs"));
    const checked = await run(docs, { barrel: "folders", typeCheck: "all" });
    // The default.
    const marked = await run(docs, { barrel: "folders" });
    expect(marked.files.map((file) => file.path)).toEqual(checked.files.map((file) => file.path));
    for (const [i, file] of marked.files.entries()) {
      const before = checked.files[i]!.content;
      // The manifest records the option and each file's hash.
      if (file.path === MANIFEST_PATH) continue;
      if (!file.path.endsWith(".ts")) {
        expect(file.content, file.path).toBe(before);
        continue;
      }
      const [banner, pragma, ...rest] = file.content.split("\n");
      expect(banner, file.path).toMatch(/^\/\/ Code generated by mdmodel from /);
      expect(pragma, file.path).toBe("// @ts-nocheck");
      expect([banner, ...rest].join("\n"), file.path).toBe(before);
    }
  });

  test("a project's tsc skips the bodies but checks its own use of the declarations", async () => {
    const docs = await loadDocs("seeds");
    const result = await run(docs, { typeCheck: "declarations" });
    const out = join(work, "declarations-consumer");
    // A body that no longer type-checks: only mdmodel's own checks (typecheck(), which reads past the mark) see it.
    const broken = result.files.map((file) =>
      file.path === "models/components/order.ts"
        ? { ...file, content: file.content.replace("return true;", 'return "not a boolean" as unknown as number;') }
        : file,
    );
    expect(broken.find((file) => file.path === "models/components/order.ts")!.content).toContain("not a boolean");
    await writeOutput(out, broken);
    await writeFile(join(out, "package.json"), '{ "type": "module" }\n');
    await writeFile(
      join(out, "app.ts"),
      'import { isOrder, type Order } from "./index.js";\nexport const id: number = (undefined as unknown as Order).id;\nexport const ok: boolean = isOrder(1);\n',
    );
    const program = ts.createProgram([join(out, "app.ts")], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (diagnostic) =>
          `${diagnostic.file?.fileName.slice(out.length + 1)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`,
      );
    // The consumer's own mistake is found (Order's id is a string); the broken body is not.
    expect(errors).toEqual(["app.ts: Type 'string' is not assignable to type 'number'."]);
    expect(typecheck([join(out, "app.ts")], "nodenext").some((error) => error.includes("order.ts"))).toBe(true);
  });
});

describe("the runtime's namespace import", () => {
  test("a model called $ takes the runtime as $runtime; one called $runtime, or like a helper, is imported under its folder's prefix where it clashes", async () => {
    const field = (name: string, path: string) => ({ name, type: `[${name}](./${path})`, required: true });
    const docs: SourceDoc[] = [
      {
        path: "models/dollar.md",
        text: objectDoc("$", [field("$runtime", "dollarruntime.md"), field("ValidationError", "validationerror.md")]),
      },
      {
        path: "models/dollarruntime.md",
        text: objectDoc("$runtime", [{ name: "a", type: "*string*", required: true }]),
      },
      { path: "models/validationerror.md", text: objectDoc("ValidationError", [field("$", "dollar.md")]) },
    ];
    const result = await run(docs, {});
    expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
    const content = (path: string) => result.files.find((file) => file.path === path)!.content;
    expect(content("models/dollar.ts")).toContain('import * as $runtime from "../runtime.js";');
    expect(content("models/dollar.ts")).toContain("$runtime.objectIssues(");
    expect(content("models/validationerror.ts")).toContain('import * as $ from "../runtime.js";');
    const out = join(work, "namespace");
    await writeOutput(out, result.files);
    const files = result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path));
    expect(typecheck(files, "nodenext")).toEqual([]);
    // And it runs: the module of `$runtime` reaches the runtime through `$`.
    const module = (await import(join(out, "models", "dollarruntime.ts"))) as Record<
      string,
      (value: unknown) => boolean
    >;
    expect(module["is$runtime"]!({ a: "x" })).toBe(true);
    expect(module["is$runtime"]!({ a: 1 })).toBe(false);
  });

  test("models named like runtime helpers (Codec, Builder) are imported under their own names", async () => {
    const docs: SourceDoc[] = [
      {
        path: "models/order.md",
        text: objectDoc("Order", [
          { name: "codec", type: "[Codec](./codec.md)", required: true },
          { name: "builder", type: "[Builder](./builder.md)", required: false },
        ]),
      },
      { path: "models/codec.md", text: objectDoc("Codec", [{ name: "a", type: "*string*", required: true }]) },
      { path: "models/builder.md", text: objectDoc("Builder", [{ name: "b", type: "*number*", required: true }]) },
    ];
    const result = await run(docs, {});
    expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
    const order = result.files.find((file) => file.path === "models/order.ts")!.content;
    expect(order).toContain(
      'import { type Codec, CodecCodec, CodecSchema, collectCodecIssues, isCodec } from "./codec.js";',
    );
    expect(order).toContain("  type Builder,\n  BuilderCodec,");
    expect(order).toContain("codec: Codec;");
    expect(order).not.toMatch(/ as \w+,/);
    const out = join(work, "helper-names");
    await writeOutput(out, result.files);
    const files = result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path));
    expect(typecheck(files, "nodenext")).toEqual([]);
    const module = (await import(join(out, "models", "order.ts"))) as Record<string, (value: unknown) => boolean>;
    expect(module["isOrder"]!({ codec: { a: "x" }, builder: { b: 1 } })).toBe(true);
    expect(module["isOrder"]!({ codec: { a: 1 } })).toBe(false);
  });
});
