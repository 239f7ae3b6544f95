/**
 * The emitted JSON Schemas against the generated parse, for every model of the seeds (also
 * with `unknownProperties: "reject"`), the fixtures and MDMODEL_CORPUS: each schema compiles
 * under ajv's strict mode (2020-12, with ajv-formats), and on wire values derived from the IR
 * and on their mutants (any part replaced by any JSON value, a key taken out, a leaf made
 * wrong) ajv and the parse give the same accept or reject. The bundled schemas
 * (`jsonSchemaOf`, for draft 2020-12 and draft-07) give the same verdicts as the files.
 */
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ResolvedModel, ResolvedType } from "../../src/ir/types.js";
import { namesOf } from "../../src/shared/names.js";
import { reachesBinary, validModel, type ValueOptions } from "../helpers/arbitraries.js";
import { moduleOf, outputOf, sampleOf, testOutputs, workFolder, type Output } from "../helpers/outputs.js";
import { anyNodeMutant, mutableLeaves, withValueAt } from "../helpers/wire-mutants.js";

type AnyAjv = Ajv | Ajv2020;
type Parse = (wire: unknown) => { ok: boolean; issues?: unknown };
type JsonSchemaOf = (schema: unknown, target?: string) => Record<string, unknown>;
// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: AnyAjv) => AnyAjv;

const work = await workFolder("json-schema");
const outputs: Output[] = [
  ...(await testOutputs(work)),
  await outputOf(work, "seeds, rejecting unknown properties", join(import.meta.dirname, "..", "..", "seeds"), {
    unknownProperties: "reject",
  }),
];

/** Every schema file of an output, by `$id`. */
function schemaFiles(output: Output): Map<string, Record<string, unknown>> {
  const files = output.result.files.filter((file) => file.path.endsWith(".schema.json"));
  return new Map(files.map((file) => [file.path, JSON.parse(file.content) as Record<string, unknown>]));
}

/** `loadSchema`: how ajv gets the file a `$ref` names, by the URI it resolves to, when a schema is compiled alone. */
function strictAjv(draft: "2020-12" | "07", loadSchema?: (uri: string) => Promise<Record<string, unknown>>): AnyAjv {
  // strict: unknown keywords, ignored keywords, union types and loose `required` are errors.
  // ownProperties: a field called `constructor` or `toString` is not read from Object.prototype.
  const options = { strict: true, ownProperties: true, ...(loadSchema ? { loadSchema } : {}) };
  return addFormats(draft === "2020-12" ? new Ajv2020(options) : new Ajv(options));
}

let compared = 0;
afterAll(() => {
  // The differential test cannot pass by comparing nothing.
  expect(compared).toBeGreaterThan(40);
});

describe.each(outputs)("$name", async (output) => {
  const files = schemaFiles(output);
  const ajv = strictAjv("2020-12");
  for (const schema of files.values()) ajv.addSchema(schema);

  test("every model has a schema file, and every schema compiles under ajv's strict mode", () => {
    expect([...files.keys()]).toHaveLength(output.models.models.length);
    for (const [id, schema] of files) {
      expect(schema["$id"]).toBe(id);
      expect(() => ajv.getSchema(id), id).not.toThrow();
    }
  });

  test("each schema file compiles in ajv on its own: ajv resolves its $refs from its $id and asks a loader for just the files they name", async () => {
    for (const [path, schema] of sampleOf(output.name, [...files], 120)) {
      const asked: string[] = [];
      const alone = strictAjv("2020-12", async (uri) => {
        asked.push(uri);
        const file = files.get(decodeURI(uri));
        if (!file) throw new Error(`${path} names ${uri}, which is no schema file`);
        return file;
      });
      const validate = await alone.compileAsync(schema);
      expect(typeof validate, path).toBe("function");
      // The loader is asked for no file twice, and for none but what the file's refs reach.
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked.every((uri) => uri !== path)).toBe(true);
    }
  });

  const runtime = (await import(join(output.out, "runtime.ts"))) as Record<string, unknown>;
  const jsonSchemaOf = runtime["jsonSchemaOf"] as JsonSchemaOf;
  const options: ValueOptions = { RFCDate: runtime["RFCDate"] as ValueOptions["RFCDate"], json: true };
  const runs = output.name === "MDMODEL_CORPUS" ? 6 : 30;
  const tried = sampleOf(
    output.name,
    output.models.models.filter((model) => !reachesBinary(self(model), output.models)),
  );

  test.each(tried.map((model) => [model.path, model] as const))(
    "%s: ajv and the parse agree",
    async (path, model: ResolvedModel) => {
      compared += 1;
      const names = namesOf(model);
      const api = await moduleOf(output.out, model);
      const parse = api[names.parse] as Parse;
      const toWire = api[names.toWire] as (value: unknown) => unknown;
      const id = output.result.schemas.find((schema) => schema.docPath === path)!.path;
      const byFile = ajv.getSchema(id)!;
      const bundled = strictAjv("2020-12").compile(jsonSchemaOf(api[names.schema]));
      const draft07 = strictAjv("07").compile(jsonSchemaOf(api[names.schema], "draft-07"));
      const agree = (wire: unknown, what: string) => {
        const accepted = parse(wire).ok;
        expect(
          byFile(wire),
          `${what}: ${JSON.stringify(wire)}\najv: ${JSON.stringify(byFile.errors)}\nparse: ${JSON.stringify(parse(wire).issues)}`,
        ).toBe(accepted);
        expect(bundled(wire), `${what} (bundled)`).toBe(accepted);
        expect(draft07(wire), `${what} (draft-07)`).toBe(accepted);
        return accepted;
      };

      const wires = validModel(model, output.models, options).map(
        (value) => JSON.parse(JSON.stringify(toWire(value))) as unknown,
      );
      fc.assert(
        fc.property(
          wires.chain((wire) => anyNodeMutant(wire).map((mutation) => ({ wire, ...mutation }))),
          ({ wire, path: at, mutant }) => {
            expect(agree(wire, "a valid wire value")).toBe(true);
            if (ajvSees(at)) agree(mutant, `the mutant at ${JSON.stringify(at)}`);
            // A leaf its type rejects: rejected by both.
            for (const [leaf, bad] of mutableLeaves(self(model), wire, output.models, [])) {
              if (leaf.length > 0 && ajvSees(leaf))
                expect(agree(withValueAt(wire, leaf, bad), `the wrong leaf at ${JSON.stringify(leaf)}`)).toBe(false);
            }
          },
        ),
        { numRuns: runs },
      );
    },
  );

  test("the doc's examples in each schema are wire values the parse and the schema accept alike", async () => {
    for (const emitted of output.result.schemas) {
      const examples = (emitted.schema["examples"] as unknown[] | undefined) ?? [];
      const model = output.models.byPath.get(emitted.docPath)!;
      const parse = (await moduleOf(output.out, model))[namesOf(model).parse] as Parse;
      for (const example of examples)
        expect(ajv.getSchema(emitted.path)!(example), emitted.path).toBe(parse(example).ok);
    }
  });
});

/** ajv leaves out a property named `__proto__` by design (`allSchemaProperties` in ajv's vocabularies/code): what is under one is not compared. */
function ajvSees(path: readonly (string | number)[]): boolean {
  return !path.includes("__proto__");
}

function self(model: ResolvedModel): ResolvedType {
  return { kind: "ref", name: model.name, target: model.path };
}

test("the date rules next to ajv-formats: the same verdicts but for the forms RFC 3339 or a Date cannot hold", async () => {
  // The seeds with every output: the default writes no .schema.json files.
  const generated = outputs.find((output) => output.name === "seeds")!.out;
  const api = (await import(join(generated, "models/components/order.ts"))) as Record<string, unknown>;
  const parse = api["parseOrder"] as Parse;
  const ajv = strictAjv("2020-12");
  for (const file of await readdir(generated, { recursive: true })) {
    if (file.endsWith(".schema.json")) ajv.addSchema(JSON.parse(await readFile(join(generated, file), "utf8")));
  }
  const schema = ajv.getSchema("models/components/order.schema.json")!;
  const base = { id: "o", status: "paid", items: [], placedAt: "2024-03-01T09:30:00Z" };
  const verdicts = (placedAt: string) => [parse({ ...base, placedAt }).ok, schema({ ...base, placedAt })];
  for (const same of [
    "2024-03-01T09:30:00Z",
    "2024-03-01t09:30:00.5z",
    "2024-03-01 09:30:00+02:00",
    "2024-03-01T09:30:00-0130",
    "2024-02-30T09:30:00Z",
    "2024-03-01T24:00:00Z",
    "2024-03-01T09:60:00Z",
    "2024-03-01T09:30Z",
    "2024-03-01",
  ]) {
    const [parsed, validated] = verdicts(same);
    expect(parsed, same).toBe(validated);
  }
  // A leap second is RFC 3339 but no Date; an offset of hours alone is ajv's leniency, not RFC 3339.
  expect(verdicts("2016-12-31T23:59:60Z")).toEqual([false, true]);
  expect(verdicts("2024-03-01T09:30:00+02")).toEqual([false, true]);
});

test("doc names with spaces and non-ASCII letters give $ids and $refs that are URIs: each schema file compiles on its own, and all of them added together", async () => {
  const { generateDocs, md } = await import("../helpers/generate-folder.js");
  const table = ["## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |"];
  const result = await generateDocs(
    [
      {
        path: "models/my model.md",
        text: md(
          "# MyModel",
          "",
          ...table,
          "| `cafe` | [Café](<café ☕.md>) | :heavy_check_mark: | C |",
          "| `deep` | [Deep](<sub dir/ünï code.md>) | :heavy_minus_sign: | D |",
        ),
      },
      { path: "models/café ☕.md", text: md("# Café", "", ...table, "| `name` | *string* | :heavy_check_mark: | N |") },
      {
        path: "models/sub dir/ünï code.md",
        text: md("# Deep", "", ...table, "| `back` | [MyModel](<../my model.md>) | :heavy_minus_sign: | B |"),
      },
    ],
    { outputs: "all" },
  );
  expect(result.messages.filter((message) => message.fatal === true)).toEqual([]);
  const schemas = result.files
    .filter((file) => file.path.endsWith(".schema.json"))
    .map((file) => JSON.parse(file.content) as Record<string, unknown>);
  expect(schemas).toHaveLength(3);
  const text = JSON.stringify(schemas);
  expect(text).toContain('"$id":"models/my%20model.schema.json"');
  expect(text).toContain('"$ref":"./caf%C3%A9%20%E2%98%95.schema.json"');
  expect(text).toContain('"$ref":"../my%20model.schema.json"');
  expect(text).not.toMatch(/"\$(ref|id)":"[^"]*[ é☕ü]/);
  for (const schema of schemas) {
    // Each file on its own, its refs loaded on request by the URI they resolve to (percent-encoded).
    const byPath = new Map(schemas.map((other) => [decodeURI(other["$id"] as string), other]));
    const alone = strictAjv(
      "2020-12",
      async (uri) => byPath.get(decodeURI(uri)) ?? Promise.reject(new Error(`no schema ${uri}`)),
    );
    expect(typeof (await alone.compileAsync(schema)), String(schema["$id"])).toBe("function");
  }
  const ajv = strictAjv("2020-12");
  for (const schema of schemas) ajv.addSchema(schema);
  const validate = ajv.getSchema("models/my%20model.schema.json")!;
  expect(validate({ cafe: { name: "x" }, deep: { back: { cafe: { name: "y" } } } })).toBe(true);
  expect(validate({ cafe: { name: 1 } })).toBe(false);
});
