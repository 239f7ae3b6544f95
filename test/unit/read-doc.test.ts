/** Reading single docs: what lands in the IR, and the messages bad docs get. */
import { describe, expect, test } from "vitest";
import { formatMessage } from "../../src/shared/diagnostics.js";
import { readDoc } from "../../src/parse/read-doc.js";
import { md } from "../helpers/generate-folder.js";

const read = (text: string) => readDoc({ path: "models/thing.md", text });

describe("reading a model doc", () => {
  test("title, description, fields, required, examples", () => {
    const { model, file } = read(
      md(
        "# Thing",
        "",
        "A thing with *markdown* in its description.",
        "",
        "Second paragraph.",
        "",
        "## Fields",
        "",
        "| Field | Type | Required | Description | Example |",
        "| --- | --- | --- | --- | --- |",
        "| `id` | *string* | :heavy_check_mark: | The id, with a \\| pipe | abc |",
        "| `size` | *number* | :heavy_minus_sign: | | |",
        '| `json` | *string* | :heavy_minus_sign: | Broken over lines | [<br/>{<br/>"k": 1<br/>}<br/>] |',
      ),
    );
    expect(file.messages).toEqual([]);
    expect(model).toMatchObject({
      name: "Thing",
      path: "models/thing.md",
      description: "A thing with *markdown* in its description.\n\nSecond paragraph.",
      body: {
        kind: "object",
        fields: [
          { name: "id", required: true, description: "The id, with a | pipe", example: { text: "abc" } },
          { name: "size", required: false, description: "" },
          { name: "json", example: { text: '[\n{\n"k": 1\n}\n]' } },
        ],
      },
    });
    const fields = model?.body.kind === "object" ? model.body.fields : [];
    expect(fields[1]).not.toHaveProperty("example");
    expect(fields[0]!.position.start).toMatchObject({ line: 11, column: 3 });
  });

  test("deprecated fields: strike-through and the DEPRECATED note", () => {
    const { model } = read(
      md(
        "# Thing",
        "## Fields",
        "| Field | Type | Required | Description |",
        "| --- | --- | --- | --- |",
        "| ~~`old`~~ | *string* | :heavy_minus_sign: | : warning: ** DEPRECATED **: Use `new` instead.<br/><br/>The old name |",
        "| `new` | *string* | :heavy_minus_sign: | The new name |",
      ),
    );
    expect(model?.body).toMatchObject({
      fields: [
        { name: "old", deprecated: true, deprecationNote: "Use `new` instead.", description: "The old name" },
        { name: "new", deprecated: false },
      ],
    });
  });

  test("enums from a Name | Value table and from a typescript block", () => {
    const table = read(
      md("# Color", "## Values", "| Name | Value |", "| --- | --- |", "| `Red` | red |", "| `Green` | green |"),
    );
    expect(table.model?.body).toMatchObject({
      kind: "enum",
      open: false,
      members: [{ name: "`Red`".slice(1, -1), value: "red" }, { value: "green" }],
    });
    const block = read(md("# Code", "## Values", "```typescript", '"a" | "b" | 3 | Unrecognized<string>', "```"));
    expect(block.model?.body).toMatchObject({
      kind: "enum",
      open: true,
      members: [{ value: "a" }, { value: "b" }, { value: 3 }],
    });
  });

  test("pages without a model section are skipped with an info note", () => {
    const result = read(md("# Customers", "", "## Overview", "", "Operations on customers."));
    expect(result).toMatchObject({ skipped: true });
    expect(result.file.messages.map(formatMessage)).toEqual([
      "models/thing.md:1:1: info skipped: no Fields, Values or Supported Types section, so not a model doc [not-a-model]",
    ]);
  });
});

const header = ["# Thing", "## Fields", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |"];
const errors: Array<[name: string, { given: string; want: string }]> = [
  [
    "an enum number JavaScript cannot hold exactly (it is never changed silently)",
    {
      given: md("# Thing", "", "## Values", "", "```typescript", "1 | 12345678901234567890", "```"),
      want: "models/thing.md:6:5: error cannot read the enum values: the number 12345678901234567890 cannot be held exactly by a JavaScript number (it would be 12345678901234567000); write it as a string literal",
    },
  ],
  [
    "an enum number too large for a double",
    {
      given: md("# Thing", "", "## Values", "", "```typescript", `"a" | ${"9".repeat(400)}`, "```"),
      want: "models/thing.md:6:7: error cannot read the enum values: the number 999",
    },
  ],
  [
    "an unreadable type",
    {
      given: md(...header, "| `a` | *string*% | :heavy_check_mark: | A |"),
      want: 'models/thing.md:5:17: error cannot read the type of `a`: unexpected "%"',
    },
  ],
  [
    "a bad Required cell",
    {
      given: md(...header, "| `a` | *string* | maybe | A |"),
      want: 'models/thing.md:5:20: error the Required cell of `a` reads "maybe"',
    },
  ],
  [
    "a duplicate field",
    {
      given: md(
        ...header,
        "| `a` | *string* | :heavy_check_mark: | A |",
        "| `a` | *number* | :heavy_check_mark: | B |",
      ),
      want: "models/thing.md:6:3: error the field `a` is listed twice (first on line 5)",
    },
  ],
  [
    "a row with too few cells",
    {
      given: md(...header, "| `a` | *string* |"),
      want: "models/thing.md:5:1: error this row has 2 cells where the header has 4",
    },
  ],
  [
    "a table without a Type column",
    {
      given: md("# Thing", "## Fields", "| Field | Required |", "| --- | --- |", "| `a` | :heavy_check_mark: |"),
      want: "models/thing.md:3:1: error the Fields table has no Type column",
    },
  ],
  [
    "a Fields section without a table",
    {
      given: md("# Thing", "## Fields", "", "Nothing here."),
      want: "models/thing.md:2:1: error the Fields section has no table",
    },
  ],
  [
    "a model doc without a title",
    {
      given: md("Some text", "## Fields", ...header.slice(2), "| `a` | *string* | :heavy_check_mark: | A |"),
      want: "models/thing.md:1:1: error a model doc starts with a `# Name` title",
    },
  ],
  [
    "an empty Field cell",
    {
      given: md(...header, "|  | *string* | :heavy_check_mark: | A |"),
      want: "models/thing.md:5:1: error the Field cell is empty",
    },
  ],
  [
    // Found by the mutated-seed fuzz property: the message had no place.
    "an enum table with no rows",
    {
      given: md("# Status", "## Values", "| Name | Value |", "| --- | --- |"),
      want: "models/thing.md:3:1: error the enum lists no values",
    },
  ],
  [
    "an enum block with no values",
    {
      given: md("# Status", "## Values", "", "```typescript", "```"),
      want: "models/thing.md:4:1: error the enum lists no values",
    },
  ],
];

describe("bad docs", () => {
  test.each(errors)("%s: a message with file:line:column", (_, { given, want }) => {
    const result = read(given);
    expect(result.model).toBeUndefined();
    // Every message has its own place: the report's `line ?? 1` must not hide a missing one.
    expect(result.file.messages.filter((message) => message.line == null || message.column == null)).toEqual([]);
    const lines = result.file.messages.map(formatMessage);
    expect(
      lines.some((line) => line.startsWith(want)),
      `${lines.join("\n")}\n  does not start with\n${want}`,
    ).toBe(true);
  });
});
