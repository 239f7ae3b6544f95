import type { Table } from "mdast";
import { describe, expect, test } from "vitest";
import type { TypeExpr } from "../../src/ir/types.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { parseTypeCell, type NullMark, type TypeCellResult } from "../../src/parse/type-cell.js";
import type { Dialect } from "../../src/shared/dialects.js";

/** Parses `cell` the way a Type cell of a Fields table is parsed. */
function parseCell(cell: string, dialect: Dialect = "typescript"): TypeCellResult {
  const source = `| Type |\n| --- |\n| ${cell} |\n`;
  const root = parseMarkdown(source);
  const table = root.children[0] as Table;
  const typeCell = table.children[1]!.children[0]!;
  return parseTypeCell(typeCell.children, typeCell.position!.start, source, dialect);
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
      given:
        "[File](https://developer.mozilla.org/File) \\| [Blob](https://developer.mozilla.org/Blob) \\| [components.Foo](../../models/components/foo.md)",
      want: {
        kind: "union",
        members: [{ kind: "platform", name: "File" }, { kind: "platform", name: "Blob" }, componentsFoo],
      },
    },
  ],
  ["array", { given: "*string*[]", want: { kind: "array", element: str } }],
  [
    "array of arrays",
    { given: "*number*[][]", want: { kind: "array", element: { kind: "array", element: { kind: "number" } } } },
  ],
  ["linked model", { given: "[components.Foo](../../models/components/foo.md)", want: componentsFoo }],
  [
    "array of linked models",
    { given: "[components.Foo](../../models/components/foo.md)[]", want: { kind: "array", element: componentsFoo } },
  ],
  ["named model", { given: "*components.Bar*", want: { kind: "ref", name: "components.Bar" } }],
  ["Record", { given: "Record<string, *any*>", want: { kind: "record", value: { kind: "unknown" } } }],
  [
    "nested Record",
    {
      given: "Record<string, Record<string, *number*>>",
      want: { kind: "record", value: { kind: "record", value: { kind: "number" } } },
    },
  ],
  [
    "array of Records",
    { given: "Record<string, *string*>[]", want: { kind: "array", element: { kind: "record", value: str } } },
  ],
  [
    "external link",
    {
      given: "[AxiosResponse](https://axios-http.com/docs/res_schema)",
      want: { kind: "external", name: "AxiosResponse", href: "https://axios-http.com/docs/res_schema" },
    },
  ],
  ["code span", { given: "`*boolean*`", want: { kind: "boolean" } }],
  ["index signature", { given: "`{ [k: string]: any }`", want: { kind: "record", value: { kind: "unknown" } } }],
  [
    "array of index signatures",
    { given: "`{ [k: string]: string }[]`", want: { kind: "array", element: { kind: "record", value: str } } },
  ],
  [
    "literal that looks like strong emphasis",
    { given: '*"__encrypted__"*', want: { kind: "literal", value: "__encrypted__" } },
  ],
  ["underscore emphasis", { given: "_string_", want: str }],
  [
    "unknown generic is external",
    {
      given: "`EventStream<operations.SpeechStreamEvents>`",
      want: { kind: "external", name: "EventStream<operations.SpeechStreamEvents>" },
    },
  ],
  [
    "parenthesised union array",
    {
      given: "(*string* \\| *number*)[]",
      want: { kind: "array", element: { kind: "union", members: [str, { kind: "number" }] } },
    },
  ],
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
    expect(parseCell(given)).toEqual({ ok: true, type: want, notes: [] });
  });

  test.each(invalid)("rejects %s", (_, { given, reason, column }) => {
    const result = parseCell(given);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toMatch(reason);
    expect(result.error.at).toMatchObject({ line: 3, column });
  });
});

const int: TypeExpr = { kind: "integer" };
const num: TypeExpr = { kind: "number" };
const bool: TypeExpr = { kind: "boolean" };
const unknown: TypeExpr = { kind: "unknown" };
const dateTime: TypeExpr = { kind: "date" };
const calendarDate: TypeExpr = { kind: "rfcDate" };
const bytes: TypeExpr = { kind: "platform", name: "Uint8Array" };
const stream: TypeExpr = { kind: "platform", name: "ReadableStream<Uint8Array>" };
const arrayOf = (element: TypeExpr): TypeExpr => ({ kind: "array", element });
const recordOf = (value: TypeExpr): TypeExpr => ({ kind: "record", value });
const orNull = (type: TypeExpr): TypeExpr => ({ kind: "union", members: [type, { kind: "null" }] });
const ref = (name: string, href?: string): TypeExpr =>
  href === undefined ? { kind: "ref", name } : { kind: "ref", name, href };

/** Every form of every dialect's Type cells (as `../shared/corpus` shows them and PHP's are described), with the wrapper it carries. */
const dialectCells: Array<[Dialect, string, TypeExpr, NullMark?]> = [
  ["python", "*str*", str],
  ["python", "*int*", int],
  ["python", "*float*", num],
  ["python", "*bool*", bool],
  ["python", "*Any*", unknown],
  ["python", "*Optional[str]*", str, "absent"],
  ["python", "*Nullable[str]*", str, "null"],
  ["python", "*OptionalNullable[int]*", int, "null"],
  [
    "python",
    "[Optional[models.CompletionArgs]](../models/completionargs.md)",
    ref("models.CompletionArgs", "../models/completionargs.md"),
    "absent",
  ],
  ["python", "[OptionalNullable[models.X]](../models/x.md)", ref("models.X", "../models/x.md"), "null"],
  ["python", "List[*str*]", arrayOf(str)],
  ["python", "Dict[str, *Any*]", recordOf(unknown)],
  ["python", "List[[models.Span](../models/span.md)]", arrayOf(ref("models.Span", "../models/span.md"))],
  [
    "python",
    "List[[Nullable[models.Span]](../models/span.md)]",
    arrayOf(orNull(ref("models.Span", "../models/span.md"))),
  ],
  ["python", "List[Dict[str, *Any*]]", arrayOf(recordOf(unknown))],
  ["python", '*Literal["wandb"]*', { kind: "literal", value: "wandb" }],
  [
    "python",
    '*Optional[Literal["a", "b"]]*',
    {
      kind: "union",
      members: [
        { kind: "literal", value: "a" },
        { kind: "literal", value: "b" },
      ],
    },
    "absent",
  ],
  ["python", "[date](https://docs.python.org/3/library/datetime.html#date-objects)", dateTime],
  ["python", "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)", calendarDate],
  ["python", "*Union[bytes, IO[bytes], io.BufferedReader]*", { kind: "union", members: [bytes, stream] }],
  ["python", "`*str*`", str],
  ["go", "*string*", str],
  ["go", "**string*", str, "maybe"],
  ["go", "**int64*", int, "maybe"],
  ["go", "*float64*", num],
  [
    "go",
    "[*components.Person](../../models/components/person.md)",
    ref("components.Person", "../../models/components/person.md"),
    "maybe",
  ],
  ["go", "[]*string*", arrayOf(str)],
  [
    "go",
    "[][components.FacetFilter](../../models/components/facetfilter.md)",
    arrayOf(ref("components.FacetFilter", "../../models/components/facetfilter.md")),
  ],
  ["go", "map[string]*int64*", recordOf(int)],
  ["go", "map[string][][components.X](x.md)", recordOf(arrayOf(ref("components.X", "x.md")))],
  ["go", "[*time.Time](https://pkg.go.dev/time#Time)", dateTime, "maybe"],
  ["go", "[*types.Date](../../types/date.md)", calendarDate, "maybe"],
  ["go", "[]byte", bytes],
  ["go", "*any*", unknown],
  ["java", "*String*", str],
  ["java", "*long*", int],
  ["java", "*double*", num],
  ["java", "*boolean*", bool],
  ["java", "*Optional\\<String>*", str, "maybe"],
  ["java", "*Optional\\<Object>*", unknown, "maybe"],
  ["java", "*JsonNullable\\<Long>*", int, "null"],
  [
    "java",
    "[Optional\\<Person>](../../models/components/Person.md)",
    ref("Person", "../../models/components/Person.md"),
    "maybe",
  ],
  ["java", "List\\<*String*>", arrayOf(str)],
  ["java", "List\\<[Info](../../models/components/Info.md)>", arrayOf(ref("Info", "../../models/components/Info.md"))],
  ["java", "Map\\<String, *Object*>", recordOf(unknown)],
  ["java", "Map\\<String, List\\\\<[Facet](F.md)>>", recordOf(arrayOf(ref("Facet", "F.md")))],
  ["java", "[OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)", dateTime],
  ["java", "[LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html)", calendarDate],
  ["java", "*byte[]*", bytes],
  ["java", "*BigInteger*", { kind: "bigint" }],
  ["go", "[*big.Int](https://pkg.go.dev/math/big#Int)", { kind: "bigint" }, "maybe"],
  ["typescript", "*bigint*", { kind: "bigint" }],
  ["ruby", "*::String*", str],
  ["ruby", "*::Integer*", int],
  ["ruby", "*T::Boolean*", bool],
  ["ruby", "*T.nilable(::Float)*", num, "maybe"],
  ["ruby", "*T.nilable(::Object)*", unknown, "maybe"],
  [
    "ruby",
    "[T.nilable(Models::Components::Pagination)](../../models/shared/pagination.md)",
    ref("Models::Components::Pagination", "../../models/shared/pagination.md"),
    "maybe",
  ],
  ["ruby", "T::Array<*::String*>", arrayOf(str)],
  ["ruby", "T::Hash[Symbol, *::Integer*]", recordOf(int)],
  [
    "ruby",
    "T::Array<[T.any(Models::Components::A, Models::Components::B)](../../models/shared/u.md)>",
    arrayOf({ kind: "union", members: [ref("Models::Components::A"), ref("Models::Components::B")] }),
  ],
  ["ruby", "[Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html)", dateTime],
  ["csharp", "*long*", int],
  ["csharp", "*int*", int],
  ["csharp", "[Int16](https://learn.microsoft.com/en-us/dotnet/api/system.int16)", int],
  ["csharp", "*UInt16*", int],
  ["csharp", "*float*", num],
  ["csharp", "*bool*", bool],
  ["csharp", "List<*string*>", arrayOf(str)],
  ["csharp", "List<List<[M](M.md)>>", arrayOf(arrayOf(ref("M", "M.md")))],
  ["csharp", "Dictionary<String, *string*>", recordOf(str)],
  ["csharp", "Dictionary<String, *object*>", recordOf(unknown)],
  ["csharp", "[DateTime](https://learn.microsoft.com/en-us/dotnet/api/system.datetime)", dateTime],
  [
    "csharp",
    "[fastpix.io.Models.Components.X](../../Models/Components/X.md)",
    ref("fastpix.io.Models.Components.X", "../../Models/Components/X.md"),
  ],
  ["php", "*int*", int],
  ["php", "*?string*", str, "maybe"],
  ["php", "array<*string*>", arrayOf(str)],
  ["php", "array<string, *mixed*>", recordOf(unknown)],
  ["php", "[\\DateTime](https://www.php.net/manual/en/class.datetime.php)", dateTime],
  ["php", "[Components\\X](../../Models/Components/X.md)", ref("Components\\X", "../../Models/Components/X.md")],
  [
    "php",
    "[Components\\A\\|Components\\B\\|null](../../Models/Components/U.md)",
    { kind: "union", members: [ref("Components\\A"), ref("Components\\B"), { kind: "null" }] },
  ],
];

describe("Type cells of every dialect", () => {
  test.each(dialectCells)("%s %s", (dialect, cell, type, mark) => {
    const result = parseCell(cell, dialect);
    expect(result).toMatchObject({ ok: true, type });
    expect(result.ok && result.mark).toBe(mark ?? undefined);
  });

  test("an SDK's own object (an HTTP response, an event stream) is unknown, with a note saying why", () => {
    for (const [dialect, cell] of [
      ["java", "[HttpResponse\\<InputStream>](https://docs.oracle.com/x)"],
      ["go", "[*http.Response](https://pkg.go.dev/net/http#Response)"],
      ["ruby", "[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)"],
      ["python", "*eventstreaming.EventStream[models.Event]*"],
    ] as const) {
      const result = parseCell(cell, dialect);
      expect(result.ok && result.type).toEqual(unknown);
      expect(result.ok && result.notes.join()).toMatch(/the SDK's own object/);
    }
  });

  test("a Go pointer outside Go is an unclosed emphasis; a map key must be a string", () => {
    expect(parseCell("**string*", "typescript")).toMatchObject({
      ok: false,
      error: { reason: expect.stringMatching(/unclosed emphasis/) },
    });
    expect(parseCell("map[int64]*string*", "go")).toMatchObject({
      ok: false,
      error: { reason: expect.stringMatching(/map key must be string/) },
    });
    expect(parseCell("*Optional\\<String, Long>*", "java")).toMatchObject({
      ok: false,
      error: { reason: expect.stringMatching(/does not take 2/) },
    });
  });
});
