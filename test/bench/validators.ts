/**
 * `npm run bench`: the generated `isOrder` / `validateOrder` against a hand-written
 * guard, zod 4 (`safeParse`) and an ajv-compiled JSON Schema of the same model, on valid
 * payloads and on payloads with one wrong field deep inside (`items[2].unitPrice`); then the
 * parse path from the wire (parsed JSON: dates as strings), `parseOrder` against a
 * hand-written parser and zod with conversions. Prints ns/op and each one's speed as a ratio
 * to the hand-written code of its table, measured in one process.
 */
import { cpus } from "node:os";
import { Ajv } from "ajv";
import ajvKeywords from "ajv-keywords";
import instanceofDefinition from "ajv-keywords/dist/definitions/instanceof.js";
import { z } from "zod";
import { isOrder, orderToWire, parseOrder, RFCDate, validateOrder, type Order } from "../../generated/index.js";

// ---- payloads ---------------------------------------------------------------------

function makeOrder(): Order {
  return {
    id: "ord_8f2k1",
    status: "paid",
    items: Array.from({ length: 5 }, (_, i) => ({
      sku: `SKU-${i}`,
      quantity: i + 1,
      unitPrice: 12.5 + i,
      giftWrap: i % 2 === 0,
    })),
    placedAt: new Date("2024-03-01T09:30:00Z"),
    shippingAddress: { line1: "221B Baker Street", city: "London", postalCode: "NW1 6XE", country: "GB" },
    metadata: { channel: "web", campaign: "spring", referrer: "newsletter" },
    tags: ["gift", "priority"],
    total: 80,
    express: true,
    payment: { type: "card", brand: "visa", last4: "4242", expiresOn: new RFCDate("2027-08-31") },
  };
}
const valid: unknown = makeOrder();
const invalid: unknown = (() => {
  const order = makeOrder() as unknown as { items: Array<Record<string, unknown>> };
  order.items[2]!.unitPrice = "14.5";
  return order;
})();

// ---- the hand-written guard, as a careful developer would write it ---------------------

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const RFC = /^\d{4}-\d{2}-\d{2}$/;
function handIsLineItem(v: unknown): boolean {
  if (!isRec(v)) return false;
  return (
    typeof v.sku === "string" &&
    typeof v.quantity === "number" &&
    typeof v.unitPrice === "number" &&
    (v.giftWrap === undefined || typeof v.giftWrap === "boolean")
  );
}
function handIsAddress(v: unknown): boolean {
  if (!isRec(v)) return false;
  return (
    typeof v.line1 === "string" &&
    (v.line2 === undefined || typeof v.line2 === "string") &&
    typeof v.city === "string" &&
    (v.postalCode === undefined || typeof v.postalCode === "string") &&
    typeof v.country === "string"
  );
}
function handIsPayment(v: unknown): boolean {
  if (!isRec(v)) return false;
  if (v.type === "card") {
    return (
      typeof v.brand === "string" &&
      typeof v.last4 === "string" &&
      v.expiresOn instanceof RFCDate &&
      (v.threeDSecure === undefined || v.threeDSecure === true)
    );
  }
  if (v.type === "bank_transfer")
    return typeof v.iban === "string" && (v.reference === null || typeof v.reference === "string");
  return false;
}
function handIsOrder(v: unknown): boolean {
  if (!isRec(v)) return false;
  if (typeof v.id !== "string") return false;
  if (v.status !== "pending" && v.status !== "paid" && v.status !== "shipped" && v.status !== "cancelled") return false;
  const items = v.items;
  if (!Array.isArray(items)) return false;
  for (let i = 0; i < items.length; i++) if (!handIsLineItem(items[i])) return false;
  if (!(v.placedAt instanceof Date) || Number.isNaN(v.placedAt.getTime())) return false;
  if (v.shippingAddress !== undefined && !handIsAddress(v.shippingAddress)) return false;
  const metadata = v.metadata;
  if (metadata !== undefined) {
    if (!isRec(metadata)) return false;
    for (const key in metadata) if (typeof metadata[key] !== "string") return false;
  }
  const tags = v.tags;
  if (tags !== undefined) {
    if (!Array.isArray(tags)) return false;
    for (let i = 0; i < tags.length; i++) if (typeof tags[i] !== "string") return false;
  }
  if (v.total !== undefined && typeof v.total !== "number") return false;
  if (v.payment !== undefined && !handIsPayment(v.payment)) return false;
  if (v.express !== undefined && typeof v.express !== "boolean") return false;
  if (v.couponCode !== undefined && typeof v.couponCode !== "string") return false;
  return true;
}

// ---- zod 4 ------------------------------------------------------------------------------

const zLineItem = z.object({
  sku: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  giftWrap: z.boolean().optional(),
});
const zAddress = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string().optional(),
  country: z.string(),
});
const zPayment = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("card"),
    brand: z.string(),
    last4: z.string(),
    expiresOn: z.instanceof(RFCDate),
    threeDSecure: z.literal(true).optional(),
  }),
  z.object({ type: z.literal("bank_transfer"), iban: z.string(), reference: z.string().nullable() }),
]);
const zOrder = z.object({
  id: z.string(),
  status: z.enum(["pending", "paid", "shipped", "cancelled"]),
  items: z.array(zLineItem),
  placedAt: z.date(),
  shippingAddress: zAddress.optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.string()).optional(),
  total: z.number().optional(),
  payment: zPayment.optional(),
  express: z.boolean().optional(),
  couponCode: z.string().optional(),
});

// ---- ajv ----------------------------------------------------------------------------------

/** ajv with the model's calendar dates as RFCDate values: ajv-keywords' instanceof learns the class first. */
function ajvWith(allErrors: boolean): Ajv {
  const ajv = new Ajv({ allErrors });
  (instanceofDefinition as unknown as { CONSTRUCTORS: Record<string, unknown> }).CONSTRUCTORS["RFCDate"] = RFCDate;
  // ajv-keywords is CommonJS: its default import is the plugin function.
  (ajvKeywords as unknown as (ajv: Ajv, keyword: string) => void)(ajv, "instanceof");
  return ajv;
}
const orderJsonSchema = {
  type: "object",
  required: ["id", "status", "items", "placedAt"],
  properties: {
    id: { type: "string" },
    status: { enum: ["pending", "paid", "shipped", "cancelled"] },
    items: {
      type: "array",
      items: {
        type: "object",
        required: ["sku", "quantity", "unitPrice"],
        properties: {
          sku: { type: "string" },
          quantity: { type: "number" },
          unitPrice: { type: "number" },
          giftWrap: { type: "boolean" },
        },
      },
    },
    placedAt: { instanceof: "Date" },
    shippingAddress: {
      type: "object",
      required: ["line1", "city", "country"],
      properties: {
        line1: { type: "string" },
        line2: { type: "string" },
        city: { type: "string" },
        postalCode: { type: "string" },
        country: { type: "string" },
      },
    },
    metadata: { type: "object", additionalProperties: { type: "string" } },
    tags: { type: "array", items: { type: "string" } },
    total: { type: "number" },
    payment: {
      oneOf: [
        {
          type: "object",
          required: ["type", "brand", "last4", "expiresOn"],
          properties: {
            type: { const: "card" },
            brand: { type: "string" },
            last4: { type: "string" },
            expiresOn: { instanceof: "RFCDate" },
            threeDSecure: { const: true },
          },
        },
        {
          type: "object",
          required: ["type", "iban", "reference"],
          properties: {
            type: { const: "bank_transfer" },
            iban: { type: "string" },
            reference: { type: ["string", "null"] },
          },
        },
      ],
    },
    express: { type: "boolean" },
    couponCode: { type: "string" },
  },
};
// ajv stops at the first error by default; with allErrors it reports every one, as validateOrder does.
const ajvOrder = ajvWith(false).compile(orderJsonSchema);
const ajvOrderAll = ajvWith(true).compile(orderJsonSchema);

// ---- measurement --------------------------------------------------------------------------

let sink = 0;
/** Median ns/op over `rounds` timed rounds of ~`roundMs` each, after a warm-up. */
function measure(run: () => unknown, rounds = 9, roundMs = 150): number {
  let iterations = 1000;
  const warmEnd = performance.now() + 300;
  while (performance.now() < warmEnd) for (let i = 0; i < iterations; i++) sink ^= run() ? 1 : 0;
  // Calibrate the iterations so that one round takes about roundMs.
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) sink ^= run() ? 1 : 0;
    const elapsed = performance.now() - start;
    if (elapsed > roundMs / 4) {
      iterations = Math.max(1, Math.round((iterations * roundMs) / elapsed));
      break;
    }
    iterations *= 4;
  }
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) sink ^= run() ? 1 : 0;
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

interface Row {
  name: string;
  run: (payload: unknown) => unknown;
}

const rows: Row[] = [
  { name: "hand-written guard", run: handIsOrder },
  { name: "isOrder (generated)", run: isOrder },
  { name: "validateOrder (generated)", run: (p) => validateOrder(p).ok },
  { name: "ajv compiled schema", run: (p) => ajvOrder(p) },
  { name: "ajv, allErrors", run: (p) => ajvOrderAll(p) },
  { name: "zod 4 safeParse", run: (p) => zOrder.safeParse(p).success },
];

// Each contender must agree on both payloads before it is timed.
for (const row of rows) {
  if (row.run(valid) !== true || row.run(invalid) !== false) throw new Error(`${row.name} disagrees on the payloads`);
}
const invalidResult = validateOrder(invalid);
if (invalidResult.ok || invalidResult.issues[0]?.pathText !== "items[2].unitPrice")
  throw new Error("validateOrder reports the wrong path");

// ---- the parse path: from the wire (JSON as fetch gives it) to the model ------------------

const wireValid: unknown = JSON.parse(JSON.stringify(orderToWire(makeOrder())));
const wireInvalid: unknown = (() => {
  const wire = JSON.parse(JSON.stringify(orderToWire(makeOrder()))) as { items: Array<Record<string, unknown>> };
  wire.items[2]!.unitPrice = "14.5";
  return wire;
})();

/** A careful hand-written parser: the wire guard and the converted copy (ISO strings to Date and RFCDate, known keys only). */
function handParseOrder(v: unknown): Order | undefined {
  if (!isRec(v) || typeof v.id !== "string" || !Array.isArray(v.items) || typeof v.placedAt !== "string")
    return undefined;
  if (v.status !== "pending" && v.status !== "paid" && v.status !== "shipped" && v.status !== "cancelled")
    return undefined;
  const placedAt = new Date(v.placedAt);
  if (Number.isNaN(placedAt.getTime())) return undefined;
  const items: Order["items"] = [];
  for (const item of v.items) {
    if (!handIsLineItem(item)) return undefined;
    const { sku, quantity, unitPrice, giftWrap } = item as Rec;
    items.push({
      sku: sku as string,
      quantity: quantity as number,
      unitPrice: unitPrice as number,
      ...(giftWrap === undefined ? {} : { giftWrap: giftWrap as boolean }),
    });
  }
  const order: Order = { id: v.id, status: v.status, items, placedAt };
  if (v.shippingAddress !== undefined) {
    if (!handIsAddress(v.shippingAddress)) return undefined;
    const a = v.shippingAddress as Rec;
    order.shippingAddress = {
      line1: a.line1 as string,
      city: a.city as string,
      country: a.country as string,
      ...(a.line2 === undefined ? {} : { line2: a.line2 as string }),
      ...(a.postalCode === undefined ? {} : { postalCode: a.postalCode as string }),
    };
  }
  if (v.metadata !== undefined) {
    if (!isRec(v.metadata)) return undefined;
    const metadata: Record<string, string> = {};
    for (const key of Object.keys(v.metadata)) {
      const value = v.metadata[key];
      if (typeof value !== "string") return undefined;
      metadata[key] = value;
    }
    order.metadata = metadata;
  }
  if (v.tags !== undefined) {
    if (!Array.isArray(v.tags) || !v.tags.every((tag) => typeof tag === "string")) return undefined;
    order.tags = [...v.tags];
  }
  if (v.total !== undefined) {
    if (typeof v.total !== "number") return undefined;
    order.total = v.total;
  }
  if (v.express !== undefined) {
    if (typeof v.express !== "boolean") return undefined;
    order.express = v.express;
  }
  if (v.payment !== undefined) {
    const p = v.payment;
    if (!isRec(p)) return undefined;
    if (
      p.type === "card" &&
      typeof p.brand === "string" &&
      typeof p.last4 === "string" &&
      typeof p.expiresOn === "string" &&
      RFC.test(p.expiresOn)
    ) {
      order.payment = { type: "card", brand: p.brand, last4: p.last4, expiresOn: new RFCDate(p.expiresOn) };
    } else if (
      p.type === "bank_transfer" &&
      typeof p.iban === "string" &&
      (p.reference === null || typeof p.reference === "string")
    ) {
      order.payment = { type: "bank_transfer", iban: p.iban, reference: p.reference };
    } else return undefined;
  }
  return order;
}

const zOrderWire = zOrder.extend({
  placedAt: z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
  payment: z
    .discriminatedUnion("type", [
      z.object({
        type: z.literal("card"),
        brand: z.string(),
        last4: z.string(),
        expiresOn: z.iso.date().transform((text) => new RFCDate(text)),
        threeDSecure: z.literal(true).optional(),
      }),
      z.object({ type: z.literal("bank_transfer"), iban: z.string(), reference: z.string().nullable() }),
    ])
    .optional(),
});

const parseRows: Row[] = [
  { name: "hand-written parser", run: (p) => handParseOrder(p) !== undefined },
  { name: "parseOrder (generated)", run: (p) => parseOrder(p).ok },
  { name: "zod 4 safeParse, transforms", run: (p) => zOrderWire.safeParse(p).success },
];
for (const row of parseRows) {
  if (row.run(wireValid) !== true || row.run(wireInvalid) !== false)
    throw new Error(`${row.name} disagrees on the wire payloads`);
}
const parsed = parseOrder(wireValid);
if (!parsed.ok || !validateOrder(parsed.value).ok || !(parsed.value.placedAt instanceof Date))
  throw new Error("parseOrder does not give a valid Order");
const parseIssue = parseOrder(wireInvalid);
if (parseIssue.ok || parseIssue.issues[0]?.pathText !== "items[2].unitPrice")
  throw new Error("parseOrder reports the wrong path");

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `mdmodel validator benchmark: model Order (nested Address, LineItem[5], enum, Record, Date, discriminated union)`,
);
console.log(`machine: ${cpu}, ${cpus().length} cores, node ${process.version}; median of 9 rounds per cell`);
console.log("");
/** Times each row on both payloads and prints a table of ns/op and ratios to the first row. */
function printTable(title: string, rows: readonly Row[], good: unknown, bad: unknown): void {
  const table: string[][] = [[title, "valid ns/op", "valid vs hand", "invalid ns/op", "invalid vs hand"]];
  const baseline = { valid: 0, invalid: 0 };
  for (const row of rows) {
    const v = measure(() => row.run(good));
    const i = measure(() => row.run(bad));
    if (row === rows[0]) Object.assign(baseline, { valid: v, invalid: i });
    table.push([
      row.name,
      v.toFixed(0),
      `${(baseline.valid / v).toFixed(2)}x`,
      i.toFixed(0),
      `${(baseline.invalid / i).toFixed(2)}x`,
    ]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  for (const [index, row] of table.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  console.log("");
}
printTable("validator (model values)", rows, valid, invalid);
printTable("parser (wire: parsed JSON)", parseRows, wireValid, wireInvalid);
console.log("ratio = the first row's ns/op ÷ this ns/op (1.00x = as fast as the hand-written code; higher is faster)");
if (sink === 42) console.log("");
