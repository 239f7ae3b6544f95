/**
 * Which fields may hold null, most specific first: a config override, then the doc's own
 * word (`*string* | *null*`), then the `nulls` policy; and what parsing does with the
 * properties a doc does not list.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { ConfigInput } from "../../src/config/defaults.js";
import { readModels } from "../../src/pipeline/read-models.js";
import { resolveConfig } from "../../src/config/defaults.js";
import { formatMessage } from "../../src/shared/diagnostics.js";
import { generate } from "../../src/generate.js";
import { loadRuntimeTemplate } from "../../src/io/load-docs.js";
import { writeOutput } from "../../src/write/writer.js";
import { md } from "../helpers/generate-folder.js";

const NOTE = md(
  "# Note",
  "## Fields",
  "| Field | Type | Required | Description |",
  "| --- | --- | --- | --- |",
  "| `id` | *string* | :heavy_check_mark: | Id |",
  "| `text` | *string* \\| *null* | :heavy_check_mark: | Stated nullable |",
  "| `tags` | *string*[] \\| *null* | :heavy_minus_sign: | Stated nullable, an array |",
  "| `topic` | *string* | :heavy_minus_sign: | Says nothing |",
  "| `owner` | *string* | :heavy_check_mark: | Says nothing, required |",
);

function nullability(config: ConfigInput): Record<string, boolean> {
  const { models } = readModels([{ path: "note.md", text: NOTE }], resolveConfig(config));
  const body = models.models[0]!.body;
  if (body.kind !== "object") throw new Error("not an object");
  return Object.fromEntries(body.fields.map((field) => [field.name, field.nullable]));
}

describe("nullability", () => {
  test.each<[string, ConfigInput, Record<string, boolean>]>([
    [
      "the default (optional): stated fields, and every optional field",
      {},
      { id: false, text: true, tags: true, topic: true, owner: false },
    ],
    [
      "examples: stated fields only (no example sets one to null)",
      { nulls: "examples" },
      { id: false, text: true, tags: true, topic: false, owner: false },
    ],
    [
      "none: the doc's word still holds",
      { nulls: "none" },
      { id: false, text: true, tags: true, topic: false, owner: false },
    ],
    [
      "overrides beat the doc and the policy",
      { nullable: ["Note.owner"], notNullable: ["Note.text", "Note.topic"] },
      { id: false, text: false, tags: true, topic: false, owner: true },
    ],
  ])("%s", (_name, config, want) => {
    expect(nullability(config)).toEqual(want);
  });

  test("a null member is a field fact: the type is what remains", () => {
    const { models } = readModels([{ path: "note.md", text: NOTE }], resolveConfig({}));
    const body = models.models[0]!.body;
    if (body.kind !== "object") throw new Error("not an object");
    expect(body.fields.find((field) => field.name === "text")).toMatchObject({
      type: { kind: "string" },
      nullability: "yes",
      nullable: true,
    });
    expect(body.fields.find((field) => field.name === "tags")).toMatchObject({
      type: { kind: "array", element: { kind: "string" } },
      nullability: "yes",
    });
    expect(body.fields.find((field) => field.name === "topic")).toMatchObject({ nullability: "unknown" });
  });

  test("an override that names no field is a warning that says how to write one", async () => {
    const result = await generate({
      docs: [{ path: "note.md", text: NOTE }],
      runtimeTemplate: await loadRuntimeTemplate(),
      config: { nullable: ["Note.nope", "Nope.text"] },
    });
    expect(result.messages.map(formatMessage)).toEqual([
      "<config>:1:1: warning the config's nullable or notNullable names `Note.nope`, which no model has; write it as Model.field, the model's title and a field of its Fields table [unknown-override]",
      "<config>:1:1: warning the config's nullable or notNullable names `Nope.text`, which no model has; write it as Model.field, the model's title and a field of its Fields table [unknown-override]",
    ]);
  });
});

describe("unknown properties when parsing", () => {
  const work = mkdtemp(join(tmpdir(), "mdmodel-nulls-"));
  afterAll(async () => rm(await work, { recursive: true, force: true }));
  const api = async (name: string, config: ConfigInput) => {
    const result = await generate({
      docs: [{ path: "note.md", text: NOTE }],
      runtimeTemplate: await loadRuntimeTemplate(),
      config,
    });
    const out = join(await work, name);
    await writeOutput(out, result.files);
    return (await import(join(out, "note.ts"))) as Record<
      string,
      (value: unknown) => { ok: boolean; value?: unknown; issues?: unknown[] }
    >;
  };
  const wire = { id: "n1", text: null, owner: "ada", password: "hunter2" };

  test("drop (the default): the sender's extra keys never reach the value; the validators still accept them", async () => {
    const note = await api("drop", {});
    expect(note["parseNote"]!(wire)).toEqual({ ok: true, value: { id: "n1", text: null, owner: "ada" } });
    expect(note["validateNote"]!(wire).ok).toBe(true);
  });

  test("keep: kept as sent", async () => {
    const note = await api("keep", { unknownProperties: "keep" });
    expect(note["parseNote"]!(wire)).toEqual({ ok: true, value: wire });
  });

  test("reject: an issue at the key, when parsing and when validating", async () => {
    const note = await api("reject", { unknownProperties: "reject" });
    expect(note["parseNote"]!(wire)).toMatchObject({
      ok: false,
      issues: [{ pathText: "password", message: "password: unknown property" }],
    });
    expect(note["validateNote"]!(wire).ok).toBe(false);
  });

  test("a null where the doc does not allow it is an issue at the field; a nullable field takes null", async () => {
    const note = await api("nulls", {});
    expect(note["parseNote"]!({ id: null, text: null, owner: "ada" })).toMatchObject({
      ok: false,
      issues: [{ pathText: "id", expected: "string" }],
    });
    expect(note["parseNote"]!({ id: "n", text: null, owner: "ada", topic: null })).toMatchObject({ ok: true });
  });
});
