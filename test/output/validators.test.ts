/** The committed validators and builders, exercised on the seed models. */
import { describe, expect, test } from "vitest";
import * as api from "../../generated/index.js";
import { generateFolder } from "../helpers/generate-folder.js";
import { readDoc } from "../../src/parse/read-doc.js";
import { loadDocs } from "../../src/io/load-docs.js";
import { namesOf } from "../../src/shared/names.js";
import type { ModelDoc, TypeExpr } from "../../src/ir/types.js";

type Validate = (value: unknown) => api.ValidationResult<unknown>;
const exports = api as unknown as Record<string, unknown>;
const models = (await loadDocs("seeds")).map((doc) => readDoc(doc).model).filter((m): m is ModelDoc => m !== undefined);
const objects = models.filter((model) => model.body.kind === "object");

function validatorOf(model: ModelDoc): Validate {
  return exports[namesOf(model).validate] as Validate;
}

/** A value of the wrong type for `type`: a number, or for numbers a numeric string. */
function wrongValueFor(type: TypeExpr): unknown {
  return type.kind === "number" ? "12" : 12345;
}

describe("validators", () => {
  test("the seeds are all in the generated API", async () => {
    const generated = await generateFolder("seeds");
    expect(models.map((model) => namesOf(model).type).sort()).toEqual([
      "Address",
      "BankTransfer",
      "CardBrand",
      "CardPayment",
      "Category",
      "CreateCustomer",
      "LineItem",
      "Order",
      "OrderStatus",
      "PaymentMethod",
      "Product",
    ]);
    expect(generated.stats.models).toBe(models.length);
  });

  const withExamples = models.filter((model) => namesOf(model).example in exports);
  test.each(withExamples.map((model) => [namesOf(model).type, model] as const))(
    "%s accepts its example",
    (_, model) => {
      const example = exports[namesOf(model).example];
      expect(validatorOf(model)(example)).toEqual({ ok: true, value: example });
    },
  );

  test("every object seed with examples has an example export", () => {
    expect(withExamples.map((model) => namesOf(model).type).sort()).toEqual([
      "Address",
      "BankTransfer",
      "CardBrand",
      "CardPayment",
      "Category",
      "CreateCustomer",
      "LineItem",
      "Order",
      "PaymentMethod",
      "Product",
    ]);
  });

  const fieldCases = objects.flatMap((model) =>
    model.body.kind === "object"
      ? model.body.fields
          .filter((field) => field.type.kind !== "unknown")
          .map((field) => [`${model.name}.${field.name}`, model, field] as const)
      : [],
  );
  test.each(fieldCases)("rejects a wrong-typed %s, naming its path", (_, model, field) => {
    const base = exports[namesOf(model).example] ?? {};
    const value = { ...base, [field.name]: wrongValueFor(field.type) };
    const result = validatorOf(model)(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.pathText)).toEqual([field.name]);
    expect(result.issues[0]!.path).toEqual([field.name]);
    expect((exports[namesOf(model).is] as (v: unknown) => boolean)(value)).toBe(false);
  });

  test("CreateCustomer.metadata is a string: JSON text passes, an array is rejected", () => {
    expect(api.createCustomerExample.metadata).toBe(
      '[{"key":"key1","value":"value1"},{"key":"key1","value":"value1"}]',
    );
    const result = api.validateCreateCustomer({ metadata: [{ key: "key1", value: "value1" }] });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ pathText: "metadata", expected: "string | null", received: "array" }],
    });
  });

  test("reports every issue, with nested paths", () => {
    const result = api.validateOrder({
      ...api.orderExample,
      status: "lost",
      items: [api.orderExample.items[0], { sku: "X", quantity: "2", unitPrice: 1 }],
      placedAt: new Date("not a date"),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.pathText}: ${issue.expected} / ${issue.received}`)).toEqual([
      'status: "pending" | "paid" | "shipped" | "cancelled" / string "lost"',
      'items[1].quantity: number / string "2"',
      "placedAt: Date / Invalid Date",
    ]);
  });

  test("a missing required field is reported as missing", () => {
    const { id: _id, ...withoutId } = api.orderExample;
    const result = api.validateOrder(withoutId);
    expect(result).toMatchObject({ ok: false, issues: [{ pathText: "id", received: "missing" }] });
  });

  test("a non-object is one issue at the root", () => {
    expect(api.validateAddress(null)).toMatchObject({
      ok: false,
      issues: [{ pathText: "$", expected: "Address object", received: "null" }],
    });
  });

  test("assert throws a ValidationError listing the issues", () => {
    expect(() => api.assertLineItem({ sku: 1, quantity: 1, unitPrice: 1 })).toThrowError(api.ValidationError);
    expect(() => api.assertLineItem({ sku: 1, quantity: 1 })).toThrowError(
      "Invalid LineItem:\n  - sku: expected string, received number 1\n  - unitPrice: required number is missing",
    );
    expect(() => api.assertLineItem({ sku: "a", quantity: 1, unitPrice: 2 })).not.toThrow();
  });

  test("enums: the const lists the members and the guard accepts only them", () => {
    expect(Object.values(api.OrderStatus)).toEqual(["pending", "paid", "shipped", "cancelled"]);
    expect(api.isOrderStatus("paid")).toBe(true);
    expect(api.isOrderStatus("PAID")).toBe(false);
  });
});

describe("validators on hostile values", () => {
  const order = { id: "o", status: "paid", items: [], placedAt: new Date("2024-03-01T00:00:00Z") };

  test("what only looks like a Date is an issue, not a TypeError", () => {
    for (const placedAt of [Object.create(Date.prototype) as unknown, new Proxy(new Date(), {})]) {
      const value = { ...order, placedAt };
      expect(api.isOrder(value)).toBe(false);
      expect(api.validateOrder(value)).toMatchObject({
        ok: false,
        issues: [{ pathText: "placedAt", received: "Invalid Date" }],
      });
    }
    expect(api.isOrder(order)).toBe(true);
  });

  test("a revoked proxy is an issue whose message says it could not be read, wherever it stands", () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(api.isOrderStatus(revoked.proxy)).toBe(false);
    for (const [result, pathText] of [
      [api.validateOrderStatus(revoked.proxy), "$"],
      [api.parseOrderStatus(revoked.proxy), "$"],
      [api.validateOrder({ ...order, status: revoked.proxy }), "status"],
    ] as const) {
      expect(result.ok).toBe(false);
      const issue = (result as { issues: readonly api.ValidationIssue[] }).issues[0]!;
      expect(issue).toMatchObject({ pathText, received: "object (reading it threw)" });
      expect(issue.message).toMatch(/, received object \(reading it threw\)$/);
      expect(() => JSON.stringify(result)).not.toThrow();
    }
  });

  test("an issue holds what its message needs, not the value: logging it prints no data", async () => {
    const { inspect } = await import("node:util");
    const secret = "sk_live_0123456789abcdef0123456789abcdef";
    const result = api.validateOrder({ ...order, status: secret });
    expect(result.ok).toBe(false);
    const issue = (result as { issues: readonly api.ValidationIssue[] }).issues[0]!;
    expect(issue).toMatchObject({ pathText: "status", received: "string" });
    // Own properties: the path and what was expected; the texts are getters on the prototype, the value is private.
    expect(Object.keys(issue)).toEqual(["path", "expected"]);
    expect(JSON.stringify(issue)).not.toContain(secret);
    expect(inspect(issue)).not.toContain(secret);
  });
});

describe("builders", () => {
  test("build() returns a fresh object that passes validation", () => {
    const builder = new api.LineItemBuilder().sku("MUG").quantity(2).unitPrice(3.5).giftWrap(true);
    const first = builder.build();
    expect(first).toEqual({ sku: "MUG", quantity: 2, unitPrice: 3.5, giftWrap: true });
    expect(api.isLineItem(first)).toBe(true);
    expect(builder.build()).not.toBe(first);
  });

  test("a required field missing fails to build with a ValidationError", () => {
    const incomplete = new api.LineItemBuilder().sku("MUG").quantity(2) as unknown as { build(): unknown };
    expect(() => incomplete.build()).toThrowError(api.ValidationError);
    expect(() => incomplete.build()).toThrowError(/unitPrice: required number is missing/);
  });

  test("from() edits a copy and leaves the original alone", () => {
    const shipped = api.OrderBuilder.from(api.orderExample).status("shipped").build();
    expect(shipped.status).toBe("shipped");
    expect(api.orderExample.status).toBe("paid");
    expect({ ...shipped, status: "paid" }).toEqual(api.orderExample);
  });
});
