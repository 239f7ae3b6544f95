/** The runtime helpers of templates/runtime.ts, which every output folder carries. */
import { afterEach, describe, expect, test, vi } from "vitest";
import * as runtime from "../../templates/runtime.js";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("runtime", () => {
  test.each<[runtime.PathSegment[], string]>([
    [[], "$"],
    [["items", 2, "name"], "items[2].name"],
    [["x-api-key"], '["x-api-key"]'],
    [[0, "a"], "[0].a"],
  ])("formatPath(%j) is %s", (path, want) => {
    expect(runtime.formatPath(path)).toBe(want);
  });

  test.each<[unknown, boolean]>([
    ["2024-02-29", true],
    ["0099-12-31", true],
    ["0000-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["2024-1-01", false],
    ["2024-01-01T00:00:00Z", false],
    [20240101, false],
  ])("isCalendarDate(%j) is %s", (value, want) => {
    expect(runtime.isCalendarDate(value)).toBe(want);
  });

  test("isValidDate rejects Invalid Date and date strings", () => {
    expect(runtime.isValidDate(new Date(0))).toBe(true);
    expect(runtime.isValidDate(new Date("nope"))).toBe(false);
    expect(runtime.isValidDate("2024-01-01")).toBe(false);
  });

  test("platform guards work, and answer false where the runtime lacks the type", () => {
    expect(runtime.isBlob(new Blob(["x"]))).toBe(true);
    expect(runtime.isUint8Array(Buffer.from("x"))).toBe(true);
    expect(runtime.isReadableStream(new ReadableStream())).toBe(true);
    vi.stubGlobal("Blob", undefined);
    vi.stubGlobal("File", undefined);
    vi.stubGlobal("ReadableStream", undefined);
    expect(runtime.isBlob({})).toBe(false);
    expect(runtime.isFile({})).toBe(false);
    expect(runtime.isReadableStream({})).toBe(false);
  });

  test("ownField ignores inherited members", () => {
    expect(runtime.ownField({}, "constructor")).toBeUndefined();
    expect(runtime.ownField({ constructor: "x" }, "constructor")).toBe("x");
  });

  test("describeValue names the type without echoing long data", () => {
    expect(runtime.describeValue("x".repeat(100))).toBe("string");
    expect(runtime.describeValue("short")).toBe('string "short"');
    expect(runtime.describeValue([1])).toBe("array");
    expect(runtime.describeValue(null)).toBe("null");
  });

  test("collectIssues never reports an invalid value without an issue", () => {
    expect(runtime.collectIssues(1, () => {})).toMatchObject([{ pathText: "$", expected: "a valid value" }]);
  });

  test("ValidationError lists the issues", () => {
    const issues: runtime.ValidationIssue[] = [];
    runtime.pushIssue(issues, ["a"], "string", 1);
    runtime.pushMissing(issues, ["b", 0], "number");
    const error = new runtime.ValidationError("Thing", issues);
    expect(error.message).toBe(
      "Invalid Thing:\n  - a: expected string, received number 1\n  - b[0]: required number is missing",
    );
    expect(error.issues).toBe(issues);
  });
});

describe("builderClass", () => {
  interface Odd {
    id: string;
    build?: boolean;
    constructor?: string;
    __proto__?: string;
    toString?: number;
  }
  const isOdd = (value: unknown): value is Odd =>
    typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";
  function assertOdd(value: unknown): asserts value is Odd {
    if (!isOdd(value))
      throw new runtime.ValidationError(
        "Odd",
        runtime.collectIssues(value, () => {}),
      );
  }
  const OddBuilder = runtime.builderClass<Odd, "id">(
    "OddBuilder",
    ["id", "build", "constructor", "__proto__", "toString"],
    assertOdd,
  );

  test("a setter per field; build and constructor get a set prefix; __proto__ becomes an own field", () => {
    const built = new OddBuilder().id("x").setBuild(true).setConstructor("c").__proto__("p").toString(1).build();
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(Object.keys(built)).toEqual(["id", "build", "constructor", "__proto__", "toString"]);
    expect(Object.getOwnPropertyDescriptor(built, "__proto__")?.value).toBe("p");
    expect(built.constructor).toBe("c");
  });

  test("the class carries the model's builder name; build() returns a new object each time", () => {
    const builder = new OddBuilder().id("x");
    expect(OddBuilder.name).toBe("OddBuilder");
    expect(builder).toBeInstanceOf(OddBuilder);
    expect(builder.build()).not.toBe(builder.build());
    expect(builder.build()).toEqual({ id: "x" });
  });

  test("from() copies its value; build() validates and throws a ValidationError", () => {
    const existing = new OddBuilder().id("a").build();
    const changed = OddBuilder.from(existing).id("b").build();
    expect(existing).toEqual({ id: "a" });
    expect(changed).toEqual({ id: "b" });
    // @ts-expect-error `id` is required
    expect(() => new OddBuilder().setBuild(false).build()).toThrow(runtime.ValidationError);
  });
});

describe("field and model checks", () => {
  test("collectFieldIssues: missing when undefined, else one issue", () => {
    const issues: runtime.ValidationIssue[] = [];
    runtime.collectFieldIssues(undefined, ["order"], "id", issues, "string");
    runtime.collectFieldIssues(7, ["order"], "id", issues, "string");
    expect(issues.map((issue) => issue.message)).toEqual([
      "order.id: required string is missing",
      "order.id: expected string, received number 7",
    ]);
  });

  const isText = (value: unknown): value is string => typeof value === "string";
  const collectText: runtime.IssueCollector = (value, path, issues) => {
    if (typeof value !== "string") runtime.pushIssue(issues, path, "string", value);
  };

  test("validateWith: the value when the guard accepts it, else every issue; never an empty list", () => {
    expect(runtime.validateWith("x", isText, collectText)).toEqual({ ok: true, value: "x" });
    expect(runtime.validateWith(1, isText, collectText)).toMatchObject({
      ok: false,
      issues: [{ expected: "string", pathText: "$" }],
    });
    // A collector that finds nothing where the guard failed still gives one issue.
    expect(runtime.validateWith(1, isText, () => {})).toMatchObject({
      ok: false,
      issues: [{ expected: "a valid value" }],
    });
  });

  test("assertWith throws a ValidationError naming the model, and passes a valid value", () => {
    expect(() => runtime.assertWith("x", isText, collectText, "Text")).not.toThrow();
    expect(() => runtime.assertWith(1, isText, collectText, "Text")).toThrow(
      /^Invalid Text:\n {2}- \$: expected string, received number 1$/,
    );
  });
});

describe("object codec fields", () => {
  const Point = runtime.objectCodec<{ x: number; label?: string | null; at: Date | null }, unknown>(
    "Point",
    (value): value is { x: number; label?: string | null; at: Date | null } => runtime.isObject(value),
    () => [
      runtime.required("x", runtime.numberCodec, "number"),
      runtime.optional("label", runtime.nullable(runtime.stringCodec), "the_label"),
      runtime.required("at", runtime.nullable(runtime.dateTimeCodec), "Date | null"),
    ],
    "drop",
  );

  test("required, optional and nullable read, name and write each field as they say", () => {
    const at = "2024-03-01T09:30:00.000Z";
    expect(runtime.decodeWith(Point, { x: 1, the_label: null, at })).toEqual({
      ok: true,
      value: { x: 1, label: null, at: new Date(at) },
    });
    expect(runtime.decodeWith(Point, { x: 1, at: null })).toEqual({ ok: true, value: { x: 1, at: null } });
    expect(Point.encode({ x: 1, label: "p", at: new Date(at) })).toEqual({ x: 1, the_label: "p", at });
    const result = runtime.decodeWith(Point, { label: 3, the_label: 4 });
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      "x: required number is missing",
      "the_label: expected string, received number 4",
      "at: required Date | null is missing",
    ]);
  });

  test("nullable is a codec of its own: null both ways, anything else as the codec it wraps", () => {
    const codec = runtime.nullable(runtime.dateTimeCodec);
    expect(codec.is(null) && codec.is(new Date(0)) && !codec.is("x")).toBe(true);
    expect(codec.read(null)).toBeNull();
    expect(codec.read("1970-01-01T00:00:00.000Z")).toEqual(new Date(0));
    expect(codec.read(7)).toBe(runtime.INVALID);
    expect(codec.encode(null)).toBeNull();
    const issues: runtime.ValidationIssue[] = [];
    codec.collect(null, ["a"], issues);
    codec.collect(7, ["b"], issues);
    expect(issues.map((issue) => issue.pathText)).toEqual(["b"]);
    expect(runtime.nullable(Point).unknownKeys?.({ x: 1, at: null, extra: 1 })).toBe(1);
    expect(runtime.nullable(Point).unknownKeys?.(null)).toBe(0);
  });
});

describe("RFCDate", () => {
  test("is a calendar day: from a YYYY-MM-DD string or a Date's UTC day, back as the string", () => {
    expect(new runtime.RFCDate("2024-02-29").toString()).toBe("2024-02-29");
    expect(JSON.stringify({ day: new runtime.RFCDate(new Date("2024-03-01T23:30:00-05:00")) })).toBe(
      '{"day":"2024-03-02"}',
    );
    expect(new runtime.RFCDate("2024-03-01").toDate().toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(() => new runtime.RFCDate("2023-02-29")).toThrow(RangeError);
    expect(() => new runtime.RFCDate(new Date("nope"))).toThrow(RangeError);
  });

  test("isRFCDate takes this runtime's RFCDate and an SDK's RFCDate of the same shape, and nothing that throws", () => {
    // The shape of an SDK's own class (Speakeasy's RFCDate): toJSON() gives the calendar date.
    class SdkRFCDate {
      constructor(private readonly text: string) {}
      toJSON(): string {
        return this.text;
      }
    }
    expect(runtime.isRFCDate(new runtime.RFCDate("2024-01-01"))).toBe(true);
    expect(runtime.isRFCDate(new SdkRFCDate("2024-01-01"))).toBe(true);
    expect(runtime.isRFCDate(new SdkRFCDate("2024-13-01"))).toBe(false);
    expect(runtime.isRFCDate("2024-01-01")).toBe(false);
    expect(
      runtime.isRFCDate({
        toJSON: () => {
          throw new Error("boom");
        },
      }),
    ).toBe(false);
  });
});
