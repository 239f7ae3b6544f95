import type { Table } from "mdast";
import { describe, expect, test } from "vitest";
import type { TypeExpr } from "../src/ir/types.js";
import { parseMarkdown } from "../src/parse/markdown.js";
import { parseTypeCell, type TypeCellResult } from "../src/parse/type-cell.js";

/** Parses `cell` the way a Type cell of a Fields table is parsed. */
function parseCell(cell: string): TypeCellResult {
  const source = `| Type |\n| --- |\n| ${cell} |\n`;
  const root = parseMarkdown(source);
  const table = root.children[0] as Table;
  const typeCell = table.children[1]!.children[0]!;
  return parseTypeCell(typeCell.children, typeCell.position!.start, source);
}

const str: TypeExpr = { kind: "string" };
const componentsFoo: TypeExpr = { kind: "ref", name: "components.Foo", href: "../../models/components/foo.md" };

const valid: Array<[name: string, { given: string; want: TypeExpr }]> = [
  ["string", { given: "*string*", want: str }],
  ["number", { given: "*number*", want: { kind: "number" } }],
  ["boolean", { given: "*boolean*", want: { kind: "boolean" } }],
  ["any is unknown", { given: "*any*", want: { kind: "unknown" } }],
  ["string literal", { given: '*"phone"*', want: { kind: "literal", value: "phone" } }],
  ["true literal", { given: "*true*", want: { kind: "literal", value: true } }],
  ["number literal", { given: "*42*", want: { kind: "literal", value: 42 } }],
  ["Date link", { given: "[Date](https://developer.mozilla.org/Date)", want: { kind: "date" } }],
  ["RFCDate link", { given: "[RFCDate](../../types/rfcdate.md)", want: { kind: "rfcDate" } }],
  ["Uint8Array", { given: "*Uint8Array*", want: { kind: "platform", name: "Uint8Array" } }],
  [
    "ReadableStream<Uint8Array> (html node inside emphasis)",
    { given: "*ReadableStream<Uint8Array>*", want: { kind: "platform", name: "ReadableStream<Uint8Array>" } },
  ],
  [
    "File | Blob | model, with escaped bars",
    {
      given: "[File](https://developer.mozilla.org/File) \\| [Blob](https://developer.mozilla.org/Blob) \\| [components.Foo](../../models/components/foo.md)",
      want: {
        kind: "union",
        members: [{ kind: "platform", name: "File" }, { kind: "platform", name: "Blob" }, componentsFoo],
      },
    },
  ],
  ["array", { given: "*string*[]", want: { kind: "array", element: str } }],
  ["array of arrays", { given: "*number*[][]", want: { kind: "array", element: { kind: "array", element: { kind: "number" } } } }],
  ["linked model", { given: "[components.Foo](../../models/components/foo.md)", want: componentsFoo }],
  ["array of linked models", { given: "[components.Foo](../../models/components/foo.md)[]", want: { kind: "array", element: componentsFoo } }],
  ["named model", { given: "*components.Bar*", want: { kind: "ref", name: "components.Bar" } }],
  ["Record", { given: "Record<string, *any*>", want: { kind: "record", value: { kind: "unknown" } } }],
  [
    "nested Record",
    { given: "Record<string, Record<string, *number*>>", want: { kind: "record", value: { kind: "record", value: { kind: "number" } } } },
  ],
  ["array of Records", { given: "Record<string, *string*>[]", want: { kind: "array", element: { kind: "record", value: str } } }],
  [
    "external link",
    {
      given: "[AxiosResponse](https://axios-http.com/docs/res_schema)",
      want: { kind: "external", name: "AxiosResponse", href: "https://axios-http.com/docs/res_schema" },
    },
  ],
  ["code span", { given: "`*boolean*`", want: { kind: "boolean" } }],
  ["index signature", { given: "`{ [k: string]: any }`", want: { kind: "record", value: { kind: "unknown" } } }],
  ["array of index signatures", { given: "`{ [k: string]: string }[]`", want: { kind: "array", element: { kind: "record", value: str } } }],
  ["literal that looks like strong emphasis", { given: '*"__encrypted__"*', want: { kind: "literal", value: "__encrypted__" } }],
  ["underscore emphasis", { given: "_string_", want: str }],
  ["unknown generic is external", { given: "`EventStream<operations.SpeechStreamEvents>`", want: { kind: "external", name: "EventStream<operations.SpeechStreamEvents>" } }],
  ["parenthesised union array", { given: "(*string* \\| *number*)[]", want: { kind: "array", element: { kind: "union", members: [str, { kind: "number" }] } } }],
];

const invalid: Array<[name: string, { given: string; reason: RegExp; column: number }]> = [
  ["unclosed generic", { given: "Record<string, *any*", reason: /expected ">"/, column: 19 }],
  ["dangling bar", { given: "*string* \\|", reason: /ends too early/, column: 13 }],
  ["stray character", { given: "*string* %", reason: /unexpected "%"/, column: 12 }],
  ["unknown generic", { given: "Map<string, *any*>", reason: /does not take 2 type argument/, column: 3 }],
  ["two types side by side", { given: "*string* *number*", reason: /unexpected "number" after the type/, column: 13 }],
];

describe("Type-cell grammar", () => {
  test.each(valid)("%s", (_, { given, want }) => {
    expect(parseCell(given)).toEqual({ ok: true, type: want });
  });

  test.each(invalid)("rejects %s", (_, { given, reason, column }) => {
    const result = parseCell(given);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toMatch(reason);
    expect(result.error.at).toMatchObject({ line: 3, column });
  });
});
