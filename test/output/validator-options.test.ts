/** The validator options: `unknownProperties: "reject"` and the `nulls` policies, on the seeds. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { ConfigInput } from "../../src/config/defaults.js";
import { typecheck } from "../corpus/typecheck.js";
import { generate } from "../../src/generate.js";
import { loadDocs, loadRuntimeTemplate } from "../../src/io/load-docs.js";
import { writeOutput } from "../../src/write/writer.js";

const work = await mkdtemp(join(tmpdir(), "mdmodel-options-"));
afterAll(() => rm(work, { recursive: true, force: true }));
await writeFile(join(work, "package.json"), '{ "type": "module" }\n');

/** Generates the seeds with `config` into a folder of `work`, type-checks, and imports the barrel. */
async function seedsWith(name: string, config: ConfigInput): Promise<Record<string, any>> {
  const result = await generate({
    docs: await loadDocs("seeds"),
    runtimeTemplate: await loadRuntimeTemplate(),
    config,
  });
  const out = join(work, name);
  await writeOutput(out, result.files);
  const files = result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(out, file.path));
  expect(typecheck(files, "nodenext")).toEqual([]);
  return (await import(join(out, "index.ts"))) as Record<string, any>;
}

describe("unknownProperties: reject", async () => {
  const api = await seedsWith("closed", { unknownProperties: "reject" });

  test("an extra property fails isX and is reported with its path", () => {
    const address = { line1: "a", city: "b", country: "GB" };
    expect(api.isAddress(address)).toBe(true);
    expect(api.isAddress({ ...address, floor: 3 })).toBe(false);
    const result = api.validateOrder({ ...api.orderExample, shippingAddress: { ...address, floor: 3 } });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue: { pathText: string; message: string }) => issue.message)).toEqual([
      "shippingAddress.floor: unknown property",
    ]);
  });
});

describe("nulls", async () => {
  const optional = await seedsWith("nulls-optional", { nulls: "optional" });
  const none = await seedsWith("nulls-none", { nulls: "none" });
  const examples = await seedsWith("nulls-examples", { nulls: "examples" });
  const byDefault = await import("../../generated/index.js");

  test("examples: only fields an example sets to null accept null", () => {
    expect(examples.isBankTransfer({ type: "bank_transfer", iban: "X", reference: null })).toBe(true);
    expect(examples.isAddress({ line1: "a", city: "b", country: "GB", line2: null })).toBe(false);
  });

  test("optional (the default): every optional field accepts null too, and the fields examples set to null", () => {
    for (const api of [optional, byDefault]) {
      expect(api.isAddress({ line1: "a", city: "b", country: "GB", line2: null })).toBe(true);
      expect(api.isAddress({ line1: null, city: "b", country: "GB" })).toBe(false);
      expect(api.isBankTransfer({ type: "bank_transfer", iban: "X", reference: null })).toBe(true);
    }
  });

  test("none: no field accepts null, so the doc's null example is left out", () => {
    expect(none.isBankTransfer({ type: "bank_transfer", iban: "X", reference: null })).toBe(false);
    expect(none.bankTransferExample).toBeUndefined();
  });
});

test("issues serialise with their readable texts", async () => {
  const result = (await import("../../generated/index.js")).validateLineItem({ sku: 1, quantity: 1, unitPrice: 1 });
  expect(JSON.parse(JSON.stringify(result))).toEqual({
    ok: false,
    issues: [
      {
        path: ["sku"],
        pathText: "sku",
        expected: "string",
        received: "number 1",
        message: "sku: expected string, received number 1",
      },
    ],
  });
});
