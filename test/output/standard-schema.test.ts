/**
 * Each model's `XSchema` is a Standard Schema and a Standard JSON Schema: its type is checked
 * against `@standard-schema/spec` for every model of the seeds, the fixtures and
 * MDMODEL_CORPUS, and a real consumer of the interface (a tRPC procedure's `.input()`)
 * accepts a valid wire value and reports an invalid one with its path.
 */
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { initTRPC, TRPCError } from "@trpc/server";
import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { modulePathOf } from "../../src/emit/naming.js";
import { namesOf } from "../../src/shared/names.js";
import { typecheck } from "../corpus/typecheck.js";
import { moduleOf, testOutputs, workFolder, type Output } from "../helpers/outputs.js";

const work = await workFolder("standard-schema");
const outputs = await testOutputs(work);

/** A file of type assertions, one set per model, that compiles only if every schema conforms. */
function conformanceFile(output: Output, file: string): string {
  const lines = [
    `import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";`,
    "type Assert<T extends true> = T;",
    "type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends (<G>() => G extends B ? 1 : 2) ? true : false;",
  ];
  output.models.models.forEach((model, index) => {
    const names = namesOf(model);
    let specifier = relative(join(file, ".."), join(output.out, modulePathOf(model.path))).replace(/\.ts$/, ".js");
    if (!specifier.startsWith(".")) specifier = `./${specifier}`;
    const m = `M${index}`;
    lines.push(
      `import type * as ${m} from ${JSON.stringify(specifier)};`,
      `type S${index} = typeof ${m}.${names.schema};`,
      `export type Check${index} = [`,
      `  Assert<S${index} extends StandardSchemaV1<${m}.${names.wire}, ${m}.${names.type}> ? true : false>,`,
      `  Assert<S${index} extends StandardSchemaV1<unknown, ${m}.${names.type}> ? true : false>,`,
      `  Assert<S${index} extends StandardJSONSchemaV1<${m}.${names.wire}, ${m}.${names.type}> ? true : false>,`,
      `  Assert<Equal<StandardSchemaV1.InferInput<S${index}>, ${m}.${names.wire}>>,`,
      `  Assert<Equal<StandardSchemaV1.InferOutput<S${index}>, ${m}.${names.type}>>,`,
      "];",
    );
  });
  return `${lines.join("\n")}\n`;
}

describe.each(outputs)("$name", (output) => {
  test("every model's schema is a StandardSchemaV1 and a StandardJSONSchemaV1 of its wire form and model (tsc)", async () => {
    const file = join(work, `conformance-${outputs.indexOf(output)}.ts`);
    await writeFile(file, conformanceFile(output, file));
    expect(typecheck([file], "nodenext")).toEqual([]);
  });

  test("at run time: version 1, vendor mdmodel, and validate answers as the parse does", async () => {
    let rejected = 0;
    for (const model of output.models.models) {
      const api = await moduleOf(output.out, model);
      const schema = api[namesOf(model).schema] as StandardSchemaV1 & StandardJSONSchemaV1;
      const parse = api[namesOf(model).parse] as (value: unknown) => { ok: boolean; issues?: unknown };
      expect(schema["~standard"]).toMatchObject({ version: 1, vendor: "mdmodel" });
      // A symbol is no JSON value: only a model documented as `any` takes it.
      const value = Symbol("not JSON");
      const result = await schema["~standard"].validate(value);
      const parsed = parse(value);
      expect(result.issues === undefined, model.path).toBe(parsed.ok);
      if (result.issues) {
        rejected += 1;
        expect(result.issues).toEqual(parsed.issues);
        expect(typeof result.issues[0]!.message).toBe("string");
      }
      expect(() => schema["~standard"].jsonSchema.input({ target: "openapi-3.0" })).toThrow(
        /draft-2020-12 and draft-07/,
      );
    }
    expect(rejected).toBeGreaterThan(0);
  });
});

describe("the seeds' schemas through a tRPC procedure", async () => {
  const seeds = outputs.find((output) => output.name === "seeds")!;
  const order = await import(join(seeds.out, "models/components/order.ts"));
  const lineItem = await import(join(seeds.out, "models/components/lineitem.ts"));
  const t = initTRPC.create();
  const router = t.router({
    placeOrder: t.procedure
      .input(order.OrderSchema as typeof import("../../generated/models/components/order.js").OrderSchema)
      .mutation(({ input }) => input),
  });
  const caller = t.createCallerFactory(router)({});
  const wire = {
    id: "ord_1",
    status: "paid" as const,
    items: [{ sku: "MUG", quantity: 2, unitPrice: 12.5 }],
    placedAt: "2024-03-01T09:30:00Z",
  };

  test("a valid wire value comes out as the model, dates as Date", async () => {
    const placed = await caller.placeOrder(wire);
    expect(placed.placedAt).toBeInstanceOf(Date);
    expect(placed.placedAt.toISOString()).toBe("2024-03-01T09:30:00.000Z");
    expect(placed.items[0]).toEqual({ sku: "MUG", quantity: 2, unitPrice: 12.5 });
  });

  test("an invalid one is a BAD_REQUEST whose issues name the path", async () => {
    const bad = { ...wire, items: [{ sku: "MUG", quantity: "two", unitPrice: 12.5 }] };
    const error = await caller.placeOrder(bad as never).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const issues = ((error as TRPCError).cause as unknown as { issues: StandardSchemaV1.Issue[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual([["items", 0, "quantity"]]);
  });

  test("JSON Schema of the input always, of the output only where values are their wire form", () => {
    const input = order.OrderSchema["~standard"].jsonSchema.input({ target: "draft-07" });
    expect(input["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(Object.keys(input["definitions"] as object).sort()).toEqual([
      "Address",
      "BankTransfer",
      "CardBrand",
      "CardPayment",
      "LineItem",
      "OrderStatus",
      "PaymentMethod",
    ]);
    expect(() => order.OrderSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" })).toThrow(
      /Date or RFCDate/,
    );
    const plain = lineItem.LineItemSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" });
    expect(plain).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "LineItem",
      type: "object",
    });
  });
});
