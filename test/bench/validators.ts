/**
 * `npm run bench`: the generated `isOrder` / `validateOrder` against a hand-written
 * guard, zod 4 (`safeParse`) and an ajv-compiled JSON Schema of the same model, on valid
 * payloads and on payloads with one wrong field deep inside (`items[2].unitPrice`).
 * Prints ns/op and each one's speed as a ratio to the hand guard, measured in one process.
 */
import { cpus } from "node:os";
import { Ajv } from "ajv";
import ajvKeywords from "ajv-keywords";
import { z } from "zod";
import { isOrder, validateOrder, type Order } from "../../generated/index.js";

// ---- payloads ---------------------------------------------------------------------

function makeOrder(): Order {
  return {
    id: "ord_8f2k1",
    status: "paid",
    items: Array.from({ length: 5 }, (_, i) => ({ sku: `SKU-${i}`, quantity: i + 1, unitPrice: 12.5 + i, giftWrap: i % 2 === 0 })),
    placedAt: new Date("2024-03-01T09:30:00Z"),
    shippingAddress: { line1: "221B Baker Street", city: "London", postalCode: "NW1 6XE", country: "GB" },
    metadata: { channel: "web", campaign: "spring", referrer: "newsletter" },
    tags: ["gift", "priority"],
    total: 80,
    express: true,
    payment: { type: "card", brand: "visa", last4: "4242", expiresOn: "2027-08-31" },
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
    return typeof v.brand === "string" && typeof v.last4 === "string" && typeof v.expiresOn === "string" && RFC.test(v.expiresOn) && (v.threeDSecure === undefined || v.threeDSecure === true);
  }
  if (v.type === "bank_transfer") return typeof v.iban === "string" && (v.reference === null || typeof v.reference === "string");
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

const zLineItem = z.object({ sku: z.string(), quantity: z.number(), unitPrice: z.number(), giftWrap: z.boolean().optional() });
const zAddress = z.object({ line1: z.string(), line2: z.string().optional(), city: z.string(), postalCode: z.string().optional(), country: z.string() });
const zPayment = z.discriminatedUnion("type", [
  z.object({ type: z.literal("card"), brand: z.string(), last4: z.string(), expiresOn: z.iso.date(), threeDSecure: z.literal(true).optional() }),
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

const ajv = new Ajv({ allErrors: false });
// ajv-keywords is CommonJS: its default import is the plugin function.
(ajvKeywords as unknown as (ajv: Ajv, keyword: string) => void)(ajv, "instanceof");
const ajvOrder = ajv.compile({
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
        properties: { sku: { type: "string" }, quantity: { type: "number" }, unitPrice: { type: "number" }, giftWrap: { type: "boolean" } },
      },
    },
    placedAt: { instanceof: "Date" },
    shippingAddress: {
      type: "object",
      required: ["line1", "city", "country"],
      properties: { line1: { type: "string" }, line2: { type: "string" }, city: { type: "string" }, postalCode: { type: "string" }, country: { type: "string" } },
    },
    metadata: { type: "object", additionalProperties: { type: "string" } },
    tags: { type: "array", items: { type: "string" } },
    total: { type: "number" },
    payment: {
      oneOf: [
        {
          type: "object",
          required: ["type", "brand", "last4", "expiresOn"],
          properties: { type: { const: "card" }, brand: { type: "string" }, last4: { type: "string" }, expiresOn: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, threeDSecure: { const: true } },
        },
        {
          type: "object",
          required: ["type", "iban", "reference"],
          properties: { type: { const: "bank_transfer" }, iban: { type: "string" }, reference: { type: ["string", "null"] } },
        },
      ],
    },
    express: { type: "boolean" },
    couponCode: { type: "string" },
  },
});

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
  { name: "zod 4 safeParse", run: (p) => zOrder.safeParse(p).success },
];

// Each contender must agree on both payloads before it is timed.
for (const row of rows) {
  if (row.run(valid) !== true || row.run(invalid) !== false) throw new Error(`${row.name} disagrees on the payloads`);
}
const invalidResult = validateOrder(invalid);
if (invalidResult.ok || invalidResult.issues[0]?.pathText !== "items[2].unitPrice") throw new Error("validateOrder reports the wrong path");

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`mdmodel validator benchmark: model Order (nested Address, LineItem[5], enum, Record, Date, discriminated union)`);
console.log(`machine: ${cpu}, ${cpus().length} cores, node ${process.version}; median of 9 rounds per cell`);
console.log("");
const table: string[][] = [["validator", "valid ns/op", "valid vs hand", "invalid ns/op", "invalid vs hand"]];
const baseline = { valid: 0, invalid: 0 };
for (const row of rows) {
  const v = measure(() => row.run(valid));
  const i = measure(() => row.run(invalid));
  if (row === rows[0]) Object.assign(baseline, { valid: v, invalid: i });
  table.push([row.name, v.toFixed(0), `${(baseline.valid / v).toFixed(2)}x`, i.toFixed(0), `${(baseline.invalid / i).toFixed(2)}x`]);
}
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
for (const [index, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
console.log("");
console.log("ratio = hand-guard ns/op ÷ this ns/op (1.00x = as fast as the hand guard; higher is faster)");
if (sink === 42) console.log("");
