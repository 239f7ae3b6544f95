/**
 * `diffModels`, rule by rule: a before and an after docs tree per case, and the changes
 * expected, each with its rule (which fixes its impact for readers and writers), the side and
 * the line it is reported at. Then properties: a tree diffed against itself has no change, and
 * one random edit of a generated tree is reported exactly once, at the edited line.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { resolveConfig } from "../../src/config/defaults.js";
import { diffModels, type Change } from "../../src/diff/compare.js";
import { fails, RULES, type RuleId } from "../../src/diff/rules.js";
import { loadDocs } from "../../src/io/load-docs.js";
import { readModels } from "../../src/pipeline/read-models.js";
import type { SourceDoc } from "../../src/shared/source-doc.js";
import { enumDoc, FIRST_FIELD_LINE, objectDoc, unionDoc, type FieldSpec } from "../helpers/docs-tree.js";

type Tree = Record<string, string>;

function modelsOf(tree: Tree | readonly SourceDoc[]) {
  const docs = Array.isArray(tree) ? tree : Object.entries(tree).map(([path, text]) => ({ path, text }));
  const read = readModels(docs, resolveConfig({}));
  const errors = [...read.files.values()].flatMap((file) => file.messages.filter((message) => message.fatal === true));
  expect(errors.map(String)).toEqual([]);
  return read.models;
}

function diff(before: Tree, after: Tree): Change[] {
  return diffModels(modelsOf(before), modelsOf(after));
}

/** The parts of a change a case pins down. */
function brief(change: Change) {
  return {
    rule: change.rule,
    side: change.side,
    docPath: change.docPath,
    line: change.line,
    ...(change.hint ? { hint: true } : {}),
  };
}

const F = FIRST_FIELD_LINE;
const str = (name: string, required = true, more: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type: "*string*",
  required,
  ...more,
});
const a = (...fields: FieldSpec[]) => ({ "a.md": objectDoc("A", fields) });
const card = objectDoc("Card", [{ name: "type", type: '*"card"*', required: true }, str("last4")]);
const bank = objectDoc("Bank", [{ name: "type", type: '*"bank"*', required: true }, str("iban")]);
const cash = objectDoc("Cash", [{ name: "kind", type: '*"cash"*', required: true }, str("amount")]);

/** A one-field model whose Example column gives `example`. */
function withExample(example: string): string {
  return [
    "# A",
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description | Example |",
    "| --- | --- | --- | --- | --- |",
    `| \`n\` | *number* | :heavy_check_mark: | N | ${example} |`,
    "",
  ].join("\n");
}

interface Case {
  name: string;
  before: Tree;
  after: Tree;
  expected: Array<ReturnType<typeof brief>>;
}

const CASES: Case[] = [
  {
    name: "a model added",
    before: a(str("x")),
    after: { ...a(str("x")), "b.md": objectDoc("B", [str("y")]) },
    expected: [{ rule: "model-added", side: "head", docPath: "b.md", line: 1 }],
  },
  {
    name: "a model removed, and one of its shape added: a rename hint",
    before: { ...a(str("x")), "b.md": objectDoc("B", [str("y")]) },
    after: { ...a(str("x")), "c.md": objectDoc("C", [str("y")]) },
    expected: [
      { rule: "model-removed", side: "base", docPath: "b.md", line: 1, hint: true },
      { rule: "model-added", side: "head", docPath: "c.md", line: 1 },
    ],
  },
  {
    name: "an object becomes an enum",
    before: a(str("x")),
    after: { "a.md": enumDoc("A", ["x"]) },
    expected: [
      { rule: "description-changed", side: "head", docPath: "a.md", line: 1 },
      { rule: "model-kind-changed", side: "head", docPath: "a.md", line: 1 },
    ],
  },
  {
    name: "an optional field added",
    before: a(str("x")),
    after: a(str("x"), str("y", false)),
    expected: [{ rule: "field-added", side: "head", docPath: "a.md", line: F + 1 }],
  },
  {
    name: "a required field added",
    before: a(str("x")),
    after: a(str("x"), str("y")),
    expected: [{ rule: "field-added-required", side: "head", docPath: "a.md", line: F + 1 }],
  },
  {
    name: "a field removed",
    before: a(str("x"), { name: "y", type: "*number*", required: true }),
    after: a(str("x")),
    expected: [{ rule: "field-removed", side: "base", docPath: "a.md", line: F + 1 }],
  },
  {
    name: "a field renamed: removed and added, with a hint",
    before: a(str("x"), str("y")),
    after: a(str("x"), str("z")),
    expected: [
      { rule: "field-removed", side: "base", docPath: "a.md", line: F + 1, hint: true },
      { rule: "field-added-required", side: "head", docPath: "a.md", line: F + 1 },
    ],
  },
  // Under the default nulls policy an optional field may be null: the one edit is one change.
  {
    name: "a field made optional",
    before: a(str("x")),
    after: a(str("x", false)),
    expected: [{ rule: "field-made-optional", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a field made required",
    before: a(str("x", false)),
    after: a(str("x")),
    expected: [{ rule: "field-made-required", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a field made nullable",
    before: a(str("x")),
    after: a({ name: "x", type: "*string* \\| *null*", required: true }),
    expected: [{ rule: "field-made-nullable", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a field made non-nullable",
    before: a({ name: "x", type: "*string* \\| *null*", required: true }),
    after: a(str("x")),
    expected: [{ rule: "field-made-non-nullable", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a literal widened to its primitive",
    before: a({ name: "x", type: '*"on"*', required: true }),
    after: a(str("x")),
    expected: [{ rule: "field-type-widened", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "an array's element widened to any",
    before: a({ name: "x", type: "*string*[]", required: true }),
    after: a({ name: "x", type: "*any*[]", required: true }),
    expected: [{ rule: "field-type-widened", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a record's value narrowed",
    before: a({ name: "x", type: "Record<string, *any*>", required: true }),
    after: a({ name: "x", type: "Record<string, *string*>", required: true }),
    expected: [{ rule: "field-type-narrowed", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a type changed",
    before: a(str("x")),
    after: a({ name: "x", type: "*number*", required: true }),
    expected: [{ rule: "field-type-changed", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a link to another doc of the same shape is the same type",
    before: {
      ...a({ name: "x", type: "[components.B](b.md)", required: true }),
      "b.md": objectDoc("B", [str("y")]),
      "c.md": objectDoc("C", [str("y")]),
    },
    after: {
      ...a({ name: "x", type: "[components.C](c.md)", required: true }),
      "b.md": objectDoc("B", [str("y")]),
      "c.md": objectDoc("C", [str("y")]),
    },
    expected: [],
  },
  {
    name: "a link to a doc of another shape is a type change",
    before: {
      ...a({ name: "x", type: "[components.B](b.md)", required: true }),
      "b.md": objectDoc("B", [str("y")]),
      "c.md": objectDoc("C", [{ name: "y", type: "*number*", required: true }]),
    },
    after: {
      ...a({ name: "x", type: "[components.C](c.md)", required: true }),
      "b.md": objectDoc("B", [str("y")]),
      "c.md": objectDoc("C", [{ name: "y", type: "*number*", required: true }]),
    },
    expected: [{ rule: "field-type-changed", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a field deprecated",
    before: a(str("x")),
    after: a(str("x", true, { deprecated: true })),
    expected: [{ rule: "field-deprecated", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a field no longer deprecated",
    before: a(str("x", true, { deprecated: true })),
    after: a(str("x")),
    expected: [{ rule: "field-undeprecated", side: "head", docPath: "a.md", line: F }],
  },
  {
    name: "a closed enum gains a value",
    before: { "e.md": enumDoc("E", ["a", "b"]) },
    after: { "e.md": enumDoc("E", ["a", "b", "c"]) },
    expected: [{ rule: "enum-value-added", side: "head", docPath: "e.md", line: F + 2 }],
  },
  {
    name: "a closed enum loses a value",
    before: { "e.md": enumDoc("E", ["a", "b"]) },
    after: { "e.md": enumDoc("E", ["a"]) },
    expected: [{ rule: "enum-value-removed", side: "base", docPath: "e.md", line: F + 1 }],
  },
  {
    name: "an open enum gains a value",
    before: { "e.md": enumDoc("E", ["a"], true) },
    after: { "e.md": enumDoc("E", ["a", "b"], true) },
    expected: [{ rule: "open-enum-value-added", side: "head", docPath: "e.md", line: 8 }],
  },
  {
    name: "an open enum loses a value",
    before: { "e.md": enumDoc("E", ["a", "b"], true) },
    after: { "e.md": enumDoc("E", ["a"], true) },
    expected: [{ rule: "open-enum-value-removed", side: "base", docPath: "e.md", line: 8 }],
  },
  {
    name: "an enum opened",
    before: { "e.md": enumDoc("E", ["a"]) },
    after: { "e.md": enumDoc("E", ["a"], true) },
    expected: [{ rule: "enum-opened", side: "head", docPath: "e.md", line: 1 }],
  },
  {
    name: "an enum closed",
    before: { "e.md": enumDoc("E", ["a"], true) },
    after: { "e.md": enumDoc("E", ["a"]) },
    expected: [{ rule: "enum-closed", side: "head", docPath: "e.md", line: 1 }],
  },
  {
    name: "a union gains a member",
    before: { "u.md": unionDoc("U", ["string"]) },
    after: { "u.md": unionDoc("U", ["string", "number"]) },
    expected: [{ rule: "union-member-added", side: "head", docPath: "u.md", line: 9 }],
  },
  {
    name: "a union loses a member",
    before: { "u.md": unionDoc("U", ["string", "number"]) },
    after: { "u.md": unionDoc("U", ["string"]) },
    expected: [{ rule: "union-member-removed", side: "base", docPath: "u.md", line: 9 }],
  },
  {
    name: "a union's discriminator goes when a member without it joins",
    before: {
      "u.md": unionDoc("U", ["components.Card", "components.Bank"]),
      "card.md": card,
      "bank.md": bank,
      "cash.md": cash,
    },
    after: {
      "u.md": unionDoc("U", ["components.Card", "components.Cash"]),
      "card.md": card,
      "bank.md": bank,
      "cash.md": cash,
    },
    expected: [
      { rule: "union-discriminator-changed", side: "head", docPath: "u.md", line: 1 },
      { rule: "union-member-removed", side: "base", docPath: "u.md", line: 9 },
      { rule: "union-member-added", side: "head", docPath: "u.md", line: 9 },
    ],
  },
  {
    name: "a union's discriminator changes",
    before: { "u.md": unionDoc("U", ["components.Card", "components.Bank"]), "card.md": card, "bank.md": bank },
    after: {
      "u.md": unionDoc("U", ["components.Card", "components.Bank"]),
      "card.md": objectDoc("Card", [
        { name: "kind", type: '*"card"*', required: true },
        { name: "type", type: "*string*", required: true },
        str("last4"),
      ]),
      "bank.md": objectDoc("Bank", [
        { name: "kind", type: '*"bank"*', required: true },
        { name: "type", type: "*string*", required: true },
        str("iban"),
      ]),
    },
    expected: [
      { rule: "field-added-required", side: "head", docPath: "bank.md", line: F },
      { rule: "field-type-widened", side: "head", docPath: "bank.md", line: F + 1 },
      { rule: "field-added-required", side: "head", docPath: "card.md", line: F },
      { rule: "field-type-widened", side: "head", docPath: "card.md", line: F + 1 },
      { rule: "union-discriminator-changed", side: "head", docPath: "u.md", line: 1 },
    ],
  },
  {
    name: "a doc's example no longer fits its model: the typed example is no longer exported",
    before: { "a.md": withExample("1") },
    after: { "a.md": withExample("many") },
    expected: [{ rule: "example-removed", side: "head", docPath: "a.md", line: 1 }],
  },
  {
    name: "a description changed",
    before: a(str("x", true, { description: "Old" })),
    after: a(str("x", true, { description: "New" })),
    expected: [{ rule: "description-changed", side: "head", docPath: "a.md", line: F }],
  },
];

describe("each rule", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(diff(c.before, c.after).map(brief)).toEqual(c.expected);
  });

  test("without the examples output there is no typed example to lose: example-removed is not reported", () => {
    const [before, after] = [{ "a.md": withExample("1") }, { "a.md": withExample("many") }];
    expect(diffModels(modelsOf(before), modelsOf(after), { examples: false })).toEqual([]);
    expect(diffModels(modelsOf(before), modelsOf(after)).map((change) => change.rule)).toEqual(["example-removed"]);
  });

  test("every rule has a case, and a rule's impact is what --fail-on reads", () => {
    const covered = new Set(CASES.flatMap((c) => c.expected.map((change) => change.rule)));
    expect([...Object.keys(RULES)].filter((rule) => !covered.has(rule as RuleId))).toEqual([]);
    expect(fails("field-added-required", "breaking-for-readers")).toBe(false);
    expect(fails("field-added-required", "breaking-for-writers")).toBe(true);
    expect(fails("field-made-optional", "breaking-for-readers")).toBe(true);
    expect(fails("field-added", "breaking")).toBe(false);
    expect(fails("field-added", "any")).toBe(true);
  });

  test("the README's table of rules is the rules' own", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    const label = { breaking: "**breaking**", safe: "safe", info: "info" } as const;
    const rows = Object.entries(RULES).map(
      ([id, rule]) =>
        `| \`${id}\` | ${label[rule.readers]} | ${label[rule.writers]} | ${rule.summary}${"verboseOnly" in rule ? " (with `--verbose`)" : ""} |`,
    );
    for (const row of rows) expect(readme).toContain(row);
  });

  test("messages say what changed, in the model's terms", () => {
    const [change] = diff(a(str("x")), a({ name: "x", type: "*number*", required: true }));
    expect(change).toMatchObject({ model: "A", field: "x", message: "A.x: string → number" });
  });
});

describe("properties", () => {
  const root = join(import.meta.dirname, "..", "..");

  test("the seeds and every fixture diffed against themselves: no change", async () => {
    const { readdir } = await import("node:fs/promises");
    const fixtures = (await readdir(join(root, "test", "fixtures"), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    for (const folder of [
      join(root, "seeds"),
      ...fixtures.map((entry) => join(root, "test", "fixtures", entry.name, "docs")),
    ]) {
      const docs = await loadDocs(folder);
      const read = readModels(docs, resolveConfig({}));
      expect(diffModels(read.models, readModels(docs, resolveConfig({})).models), folder).toEqual([]);
    }
  });

  // A tree of object models whose fields are primitives, arrays and links to the other models.
  const TYPES = ["*string*", "*number*", "*boolean*", "*string*[]", "Record<string, *number*>"];
  const tree = fc
    .array(
      fc.uniqueArray(
        fc.record({
          name: fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/),
          type: fc.constantFrom(...TYPES),
          required: fc.boolean(),
        }),
        { selector: (field) => field.name.toLowerCase(), minLength: 1, maxLength: 6 },
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((models) => models.map((fields, index) => ({ name: `M${index}`, fields: fields })));

  type Edit = { kind: "required" | "type" | "remove" | "add"; model: number; field: number; type: string };
  const edit = fc.record({
    kind: fc.constantFrom("required", "type", "remove", "add"),
    model: fc.nat(),
    field: fc.nat(),
    type: fc.constantFrom(...TYPES),
  }) as fc.Arbitrary<Edit>;

  test("one random edit of a generated tree is reported exactly once, at the edited line", () => {
    fc.assert(
      fc.property(tree, edit, (models, change) => {
        const target = models[change.model % models.length]!;
        const index = change.field % target.fields.length;
        const fields = [...target.fields];
        const field = fields[index]!;
        let expectedRule: RuleId;
        let line = FIRST_FIELD_LINE + index;
        let side: "base" | "head" = "head";
        if (change.kind === "required") {
          fields[index] = { ...field, required: !field.required };
          expectedRule = field.required ? "field-made-optional" : "field-made-required";
        } else if (change.kind === "type") {
          fc.pre(change.type !== field.type);
          fields[index] = { ...field, type: change.type };
          expectedRule = "field-type-changed";
        } else if (change.kind === "remove") {
          fc.pre(fields.length > 1);
          fields.splice(index, 1);
          expectedRule = "field-removed";
          side = "base";
        } else {
          fields.push({ name: "addedField", type: change.type, required: field.required });
          expectedRule = field.required ? "field-added-required" : "field-added";
          line = FIRST_FIELD_LINE + fields.length - 1;
        }
        const before = Object.fromEntries(
          models.map((model) => [`${model.name.toLowerCase()}.md`, objectDoc(model.name, model.fields)]),
        );
        const after = { ...before, [`${target.name.toLowerCase()}.md`]: objectDoc(target.name, fields) };
        const found = diff(before, after);
        // A removal's hint may name a field of the same type; a rename is not this edit.
        expect(found.map(brief).map(({ hint: _hint, ...rest }) => rest)).toEqual([
          { rule: expectedRule, side, docPath: `${target.name.toLowerCase()}.md`, line },
        ]);
      }),
      { numRuns: 150 },
    );
  });
});
