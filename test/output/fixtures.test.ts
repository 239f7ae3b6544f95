/**
 * Fixture folders, one per doc shape: `test/fixtures/<shape>/docs/**.md` is the input;
 * beside it, `ir.json` (the docs as read), `messages.txt` (the diagnostics) and
 * `output/` (every generated module but the shared runtime) are file snapshots.
 * Every fixture's output must also type-check under the strict flags.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { typecheck } from "../corpus/typecheck.js";
import { formatMessage } from "../../src/shared/diagnostics.js";
import type { GenerateResult } from "../../src/generate.js";
import { loadDocs } from "../../src/io/load-docs.js";
import { readDoc } from "../../src/parse/read-doc.js";
import { readingFor } from "../../src/pipeline/reading.js";
import { resolveConfig } from "../../src/config/defaults.js";
import { writeOutput } from "../../src/write/writer.js";
import { generateDocs } from "../helpers/generate-folder.js";

const root = join(import.meta.dirname, "..", "fixtures");
const names = (await readdir(root, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const results = new Map<string, GenerateResult>();
const work = await mkdtemp(join(tmpdir(), "mdmodel-fixtures-"));
afterAll(() => rm(work, { recursive: true, force: true }));

describe.each(names)("fixture %s", (name) => {
  test("reads, generates and matches its snapshots", async () => {
    const docs = await loadDocs(join(root, name, "docs"));
    const reading = readingFor(resolveConfig({}), docs);
    expect(reading.ok).toBe(true);
    const ir = docs.map((doc) => readDoc(doc, reading.ok ? reading.readOptions : undefined).model ?? null);
    await expect(`${JSON.stringify(ir, null, 2)}\n`).toMatchFileSnapshot(join(root, name, "ir.json"));

    // Every output, the .schema.json files too: the snapshots cover all the code there is.
    const result = await generateDocs(docs, { outputs: "all" });
    results.set(name, result);
    await expect(result.messages.map(formatMessage).join("\n") + "\n").toMatchFileSnapshot(
      join(root, name, "messages.txt"),
    );
    for (const file of result.files) {
      // The schema files are snapshotted too; the manifest records the generator's own fingerprint.
      if (file.path === "runtime.ts" || file.path === ".mdmodel-manifest.json") continue;
      await expect(file.content).toMatchFileSnapshot(join(root, name, "output", `${file.path}.snap`));
    }
    expect(result.files.length).toBeGreaterThan(0);
  });
});

test("every fixture's output type-checks under the strict flags", async () => {
  await writeFile(join(work, "package.json"), '{ "type": "module" }\n');
  const files: string[] = [];
  for (const name of names) {
    const result = results.get(name);
    expect(result, `fixture ${name} did not generate`).toBeDefined();
    await writeOutput(join(work, name), result!.files);
    files.push(...result!.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(work, name, file.path)));
  }
  expect(typecheck(files, "nodenext")).toEqual([]);
});

describe("awkward field names at run time", () => {
  test("prototype keys are own fields, reserved words and odd names work, the builder keeps __proto__", async () => {
    const module = (await import(join(work, "awkward-names", "models/components/awkward.ts"))) as Record<string, any>;
    const { isAwkward, validateAwkward, AwkwardBuilder } = module;
    expect(isAwkward({ "x-api-key": "k" })).toBe(true);
    // Inherited constructor/toString must not be read as the fields.
    expect(validateAwkward({ "x-api-key": "k" })).toMatchObject({ ok: true });
    expect(validateAwkward({ "x-api-key": "k", constructor: 1 })).toMatchObject({
      ok: false,
      issues: [{ pathText: "constructor", expected: "string | null" }], // optional, so nullable under the default policy
    });
    const parsed = JSON.parse('{"x-api-key": "k", "__proto__": 5}');
    expect(validateAwkward(parsed)).toMatchObject({ ok: false, issues: [{ pathText: "__proto__" }] });

    const built = new AwkwardBuilder()["x-api-key"]("k")["__proto__"]("p").setBuild(2).default("d").build();
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(Object.keys(built).sort()).toEqual(["__proto__", "build", "default", "x-api-key"]);
    expect(isAwkward(built)).toBe(true);
    // `setBuild` sets `build`; the field called `setBuild` is set through from().
    const both = AwkwardBuilder.from({ ...built, setBuild: "s" })
      .setBuild(3)
      .build();
    expect([both.build, both.setBuild]).toEqual([3, "s"]);
    // A field called `then` is set by `setThen`: a builder is no thenable, so awaiting it (or returning it from an async function) settles.
    const pending = new AwkwardBuilder()["x-api-key"]("k").setThen("t");
    expect("then" in pending).toBe(false);
    expect(await Promise.resolve(pending)).toBe(pending);
    expect(pending.build()).toEqual({ "x-api-key": "k", then: "t" });
  });
});

describe("recursive models at run time", () => {
  const load = async (name: string) =>
    (await import(join(work, "recursive", `models/components/${name}.ts`))) as Record<string, any>;
  const nestedTree = (depth: number) => {
    let node: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < depth; i++) node = { name: `n${i}`, children: [node] };
    return node;
  };

  test("a cycle or a hostile depth is an answer, never a stack overflow", async () => {
    const { isTreeNode, validateTreeNode, parseTreeNode, treeNodeToWire } = await load("treenode");
    const { MAX_NESTING } = (await import(join(work, "recursive", "runtime.ts"))) as { MAX_NESTING: number };
    const cycle: Record<string, unknown> = { name: "loop", children: [] };
    (cycle.children as unknown[]).push(cycle);
    const deep = nestedTree(6000);
    expect(isTreeNode(deep)).toBe(false);
    const tooDeep = validateTreeNode(deep);
    expect(tooDeep.issues).toHaveLength(1);
    expect(tooDeep.issues[0].message).toMatch(/nested deeper than 256 levels of models: not checked further/);
    expect(tooDeep.issues[0].path).toHaveLength(2 * MAX_NESTING); // "children", 0 per level
    expect(parseTreeNode(deep).ok).toBe(false);
    // A cycle is told as one at once (past the few levels walked before values are remembered), not at the depth limit.
    expect(isTreeNode(cycle)).toBe(false);
    const cyclic = validateTreeNode(cycle);
    expect(cyclic.issues).toHaveLength(1);
    expect(cyclic.issues[0].message).toMatch(/a cycle: the value contains itself, which no JSON does/);
    expect(cyclic.issues[0].path.length).toBeLessThan(2 * 16);
    expect(parseTreeNode(cycle).ok).toBe(false);
    expect(() => treeNodeToWire(cycle)).toThrow(
      new RangeError("TreeNode has a cycle: the value contains itself, which no JSON can hold"),
    );
    expect(() => treeNodeToWire(deep)).toThrow(new RangeError("TreeNode nests deeper than 256 levels of models"));
    // Within the limit, deep trees are valid, and the counter is back to zero after every answer.
    for (const depth of [0, MAX_NESTING - 1, 10]) {
      expect([
        isTreeNode(nestedTree(depth)),
        validateTreeNode(nestedTree(depth)).ok,
        parseTreeNode(nestedTree(depth)).ok,
      ]).toEqual([true, true, true]);
    }
    expect(isTreeNode(nestedTree(MAX_NESTING))).toBe(false);
  });

  test("JSON-like unions nested 6,000 deep give one short issue; mutually recursive unions check", async () => {
    const { isJsonValue, validateJsonValue, parseJsonValue } = await load("jsonvalue");
    let deep: unknown = "s";
    for (let i = 0; i < 6000; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(false);
    const issues = validateJsonValue(deep).issues;
    expect(issues).toHaveLength(1);
    // A union's message quotes each member's first issue cut short, so it does not grow with the depth.
    expect(issues[0].message.length).toBeLessThan(2000);
    expect(parseJsonValue(JSON.parse(`${"[".repeat(6000)}"s"${"]".repeat(6000)}`)).ok).toBe(false);
    expect(validateJsonValue({ a: ["x", { b: "y" }] }).ok).toBe(true);

    const { isPing } = await load("ping");
    expect([isPing("s"), isPing({ a: 1, b: { c: "s" } }), isPing({ a: "s" })]).toEqual([true, true, false]);
    const { isExpr, exprFromJSON } = await load("expr");
    expect(isExpr({ op: "+", left: 1, right: { op: "*", left: 2, right: 3 } })).toBe(true);
    expect(exprFromJSON('{"op":"+","left":1,"right":{"op":"*","left":2}}').issues[0].pathText).toBe("$");
  });

  test("a recursive union told apart by a field: the member's issues at their paths, a wrong kind at the field, a cycle and a hostile depth as one issue", async () => {
    const { isShape, validateShape, parseShape } = await load("shape");
    const circle = { kind: "circle", radius: 1 };
    const group = { kind: "group", shapes: [circle, { kind: "group", shapes: [circle] }] };
    expect([isShape(circle), isShape(group), validateShape(group).ok, parseShape(group).ok]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const paths = (value: unknown) =>
      validateShape(value).issues.map((issue: { pathText: string; expected: string }) => [
        issue.pathText,
        issue.expected,
      ]);
    expect(paths("circle")).toEqual([["$", "Circle | Group"]]);
    expect(paths({ kind: "square" })).toEqual([["kind", '"circle" | "group"']]);
    expect(paths({ kind: "group", shapes: [circle, { kind: "circle", radius: "2" }] })).toEqual([
      ["shapes[1].radius", "number"],
    ]);
    const cycle: { kind: string; shapes: unknown[] } = { kind: "group", shapes: [] };
    cycle.shapes.push(cycle);
    expect(isShape(cycle)).toBe(false);
    expect(validateShape(cycle).issues.map((issue: { message: string }) => issue.message)).toEqual([
      expect.stringMatching(/a cycle: the value contains itself/),
    ]);
    let deep: unknown = circle;
    for (let i = 0; i < 6000; i++) deep = { kind: "group", shapes: [deep] };
    const tooDeep = validateShape(deep).issues;
    expect(tooDeep).toHaveLength(1);
    expect(tooDeep[0].message).toMatch(/nested deeper than 256 levels of models/);
  });

  test("getters and proxy traps that throw give false and an issue, not an exception", async () => {
    const { isTreeNode, validateTreeNode, parseTreeNode } = await load("treenode");
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = {
      get name(): string {
        throw new Error("secret");
      },
    };
    for (const value of [revoked.proxy, throwing, { name: "a", children: [throwing] }]) {
      expect(isTreeNode(value)).toBe(false);
      const { issues } = validateTreeNode(value);
      expect(issues).toHaveLength(1);
      expect(issues[0].message).toMatch(/could not be read as TreeNode: reading it threw (Type)?Error$/);
      expect(JSON.stringify(issues)).not.toContain("secret");
      expect(parseTreeNode(value).issues[0].message).toMatch(/reading it threw/);
    }
    expect(validateTreeNode({ name: "a", children: [throwing] }).issues[0].pathText).toBe("children[0]");
    expect(isTreeNode(nestedTree(3))).toBe(true);
  });
});

describe("dialect fixtures at run time", () => {
  const load = async (fixture: string, path: string) =>
    (await import(join(work, fixture, path))) as Record<string, any>;

  test("Python: camelCase in TypeScript, snake_case on the wire; integers are integers; Nullable and Optional decide null", async () => {
    const { parseJob, jobToWire, isJob, validateJob } = await load("dialect-python", "models/job.ts");
    const wire = {
      id: "job_1",
      created_at: "2024-08-23T06:20:02.699Z",
      due_on: "2024-09-01",
      attempts: 3,
      note: null,
      status: "running",
      kind: "job",
      owner: { user_id: "u_1", display_name: "Ada" },
      history: [null, { user_id: "u_2" }],
    };
    const parsed = parseJob(wire);
    expect(parsed.ok).toBe(true);
    const job = parsed.value;
    expect(job.createdAt).toEqual(new Date("2024-08-23T06:20:02.699Z"));
    expect(String(job.dueOn)).toBe("2024-09-01");
    expect(job.owner).toEqual({ userId: "u_1", displayName: "Ada" });
    expect(job.history).toEqual([null, { userId: "u_2" }]);
    expect(isJob(job)).toBe(true);
    // Back to the wire: the documented names again, and the JSON is what came in.
    expect(JSON.parse(JSON.stringify(jobToWire(job)))).toEqual(wire);
    // `int` is an integer; `Optional[str]` may be absent but not null; `Nullable[str]` must be there.
    expect(parseJob({ ...wire, attempts: 1.5 }).issues).toMatchObject([{ pathText: "attempts", expected: "integer" }]);
    expect(parseJob({ ...wire, label: null }).ok).toBe(false);
    expect(validateJob({ ...job, label: undefined }).ok).toBe(true);
    const { note: _note, ...withoutNote } = wire;
    expect(parseJob(withoutNote).issues).toMatchObject([{ pathText: "note" }]);
    // `format_` is Python's spelling of the JSON name `format`.
    expect(parseJob({ ...wire, format: "json" }).value.format).toBe("json");
    // A wire issue names the wire path.
    expect(parseJob({ ...wire, owner: { user_id: 1 } }).issues).toMatchObject([{ pathText: "owner.user_id" }]);
  });

  test("Python: a union told apart by a snake_case field reads it under its wire name", async () => {
    const { parseJobEvent, jobEventToWire, validateJobEvent } = await load("dialect-python", "models/jobevent.ts");
    const finished = parseJobEvent({ event_type: "finished", exit_code: 1, error_message: "boom" });
    expect(finished).toEqual({ ok: true, value: { eventType: "finished", exitCode: 1, errorMessage: "boom" } });
    expect(jobEventToWire(finished.value)).toEqual({ event_type: "finished", exit_code: 1, error_message: "boom" });
    expect(parseJobEvent({ event_type: "started", started_at: "2024-08-23T06:20:02Z" }).value).toEqual({
      eventType: "started",
      startedAt: new Date("2024-08-23T06:20:02Z"),
    });
    expect(parseJobEvent({ event_type: "paused" }).issues).toMatchObject([{ pathText: "event_type" }]);
    expect(validateJobEvent({ eventType: "paused" }).issues).toMatchObject([{ pathText: "eventType" }]);
  });

  test("Go: PascalCase becomes camelCase (the wire names too); a pointer on an optional field leaves null to the policy", async () => {
    const { parseOrder, isOrder } = await load("dialect-go", "models/components/order.ts");
    const order = {
      id: "o",
      createdAt: "2024-08-23T06:20:02Z",
      quantity: 2,
      lines: [{ sku: "s", unitPrice: 1.5, count: 1 }],
      status: "PLACED",
      note: null,
    };
    const parsed = parseOrder(order);
    expect(parsed.ok).toBe(true);
    expect(isOrder(parsed.value)).toBe(true);
    expect(parseOrder({ ...order, quantity: 2.5 }).ok).toBe(false);
    expect(parseOrder({ ...order, id: null }).ok).toBe(false); // required, no pointer: never null
  });

  test("Ruby, PHP, Java, C#: inline unions, ?T and T.nilable on required fields, byte arrays", async () => {
    const ruby = await load("dialect-ruby", "models/components/order.ts");
    const rubyWire = {
      id: "o",
      created_at: "2024-08-23T06:20:02Z",
      quantity: 1,
      active: true,
      note: null,
      lines: [{ sku: "s", unit_price: 2 }],
      segments: [{ start_time: 0 }, { label: "intro" }],
    };
    expect(ruby.parseOrder(rubyWire)).toMatchObject({
      ok: true,
      value: { note: null, lines: [{ unitPrice: 2 }], segments: [{ startTime: 0 }, { label: "intro" }] },
    });
    const php = await load("dialect-php", "Models/Components/Order.ts");
    const phpOrder = {
      id: "o",
      createdAt: "2024-08-23T06:20:02Z",
      quantity: 1,
      price: 2.5,
      note: null,
      lines: [],
      status: "placed",
      contact: null,
    };
    expect(php.parseOrder(phpOrder).ok).toBe(true);
    expect(php.parseOrder({ ...phpOrder, note: undefined }).ok).toBe(false);
    const java = await load("dialect-java", "models/components/Order.ts");
    expect(
      java.isOrder({
        id: "o",
        createdAt: new Date(0),
        quantity: 1,
        count: 1,
        lines: [],
        status: "PLACED",
        checksum: new Uint8Array([1]),
        note: null,
      }),
    ).toBe(true);
    // A BigInteger is a bigint: digits in a JSON string (none lost), or a JSON integer; written back as digits.
    const javaWire = {
      id: "o",
      createdAt: "2024-08-23T06:20:02Z",
      quantity: 1,
      count: 1,
      lines: [],
      status: "PLACED",
      serial: "12345678901234567890123",
    };
    const parsedJava = java.parseOrder(javaWire);
    expect(parsedJava.value.serial).toBe(12345678901234567890123n);
    expect(java.orderToWire(parsedJava.value).serial).toBe("12345678901234567890123");
    expect(java.parseOrder({ ...javaWire, serial: 42 }).value.serial).toBe(42n);
    expect(java.parseOrder({ ...javaWire, serial: "4.2" }).issues).toMatchObject([{ pathText: "serial" }]);
    const csharp = await load("dialect-csharp", "Models/Components/Order.ts");
    const csOrder = {
      id: "o",
      createdAt: "2024-08-23T06:20:02Z",
      quantity: 1,
      count: 1,
      lines: [],
      status: "placed",
      total: "12",
      playlist: { rule: "newest" },
    };
    expect(csharp.parseOrder(csOrder).ok).toBe(true);
    expect(csharp.parseOrder({ ...csOrder, total: true }).ok).toBe(false);
  });
});
