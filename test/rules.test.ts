/**
 * Rules the generator and the generated code both apply, held equal: what the generator
 * accepts as an example, the generated validator accepts too, and the other way round.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { isCalendarDate } from "../src/shared/calendar-date.js";
import { writeOutput } from "../src/write/writer.js";
import * as runtime from "../templates/runtime.js";
import { generateDocs, md } from "./helpers/generate-folder.js";

const digits = (n: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""));

test("a calendar date is what the runtime's isRfcDate calls one, on every string near the format", () => {
  const nearDates = fc.oneof(
    fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
      ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2024-04-31", "2024-12-31", "２０２４-01-01", "2024-01-01\n"),
  );
  fc.assert(
    fc.property(nearDates, (text) => {
      expect(isCalendarDate(text)).toBe(runtime.isCalendarDate(text));
    }),
    { numRuns: 20_000 },
  );
});

test("an Example cell with a day that does not exist is not emitted (the generated validator would reject it)", async () => {
  const doc = (day: string) =>
    md(
      "# Booking",
      "## Fields",
      "| Field | Type | Required | Description | Example |",
      "| --- | --- | --- | --- | --- |",
      `| \`day\` | [RFCDate](../types/rfcdate.md) | :heavy_check_mark: | The day | ${day} |`,
    );
  const good = await generateDocs([{ path: "models/booking.md", text: doc("2024-02-29") }]);
  expect(good.examples.map((example) => example.exportName)).toEqual(["bookingExample"]);
  const bad = await generateDocs([{ path: "models/booking.md", text: doc("2023-02-30") }]);
  expect(bad.examples).toEqual([]);
  expect(bad.messages.map((message) => message.reason)).toContain('the example of `day` does not fit its type: "2023-02-30" is not a YYYY-MM-DD date string');
});

test("a record field reads own keys only, in the inline guard as in isRecordOf: an inherited key is not a value of it", async () => {
  const { files } = await generateDocs([
    {
      path: "bag.md",
      text: md("# Bag", "## Fields", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", "| `tags` | Record<string, *string*> | :heavy_check_mark: | Tags |"),
    },
  ]);
  const out = await mkdtemp(join(tmpdir(), "mdmodel-rules-"));
  try {
    await writeOutput(out, files);
    const bag = (await import(join(out, "bag.ts"))) as { isBag(value: unknown): boolean; validateBag(value: unknown): { ok: boolean } };
    const tags = Object.create({ inherited: 1 }) as Record<string, unknown>;
    tags["own"] = "x";
    expect(runtime.isRecordOf(tags, runtime.isString)).toBe(true);
    expect(bag.isBag({ tags })).toBe(true);
    expect(bag.validateBag({ tags }).ok).toBe(true);
    tags["own"] = 2;
    expect(bag.isBag({ tags })).toBe(false);
    expect(bag.validateBag({ tags })).toMatchObject({ ok: false, issues: [{ pathText: "tags.own" }] });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
