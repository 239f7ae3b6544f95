/** The runtime helpers of templates/runtime.ts, which every output folder carries. */
import { afterEach, describe, expect, test, vi } from "vitest";
import * as runtime from "../templates/runtime.js";

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
  ])("isRfcDate(%j) is %s", (value, want) => {
    expect(runtime.isRfcDate(value)).toBe(want);
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
    expect(error.message).toBe("Invalid Thing:\n  - a: expected string, received number 1\n  - b[0]: required number is missing");
    expect(error.issues).toBe(issues);
  });
});

test("RUNTIME_NAMES lists exactly what templates/runtime.ts exports", async () => {
  const { Project } = await import("ts-morph");
  const { RUNTIME_NAMES } = await import("../src/emit/runtime-names.js");
  const project = new Project({ useInMemoryFileSystem: true });
  const { readFile } = await import("node:fs/promises");
  const file = project.createSourceFile("runtime.ts", await readFile("templates/runtime.ts", "utf8"));
  expect([...file.getExportedDeclarations().keys()].sort()).toEqual([...RUNTIME_NAMES].sort());
});
