/**
 * The name table of the Type-cell grammar: what each dialect's built-in type names mean in
 * the IR. A name found nowhere here is a model reference.
 */
import { DIALECTS, type Dialect } from "./dialect.js";
import type { TypeExpr } from "../ir/types.js";

/**
 * What a wrapper says of a field: `null`, it may hold null (Python `Nullable[…]`, Java
 * `JsonNullable<…>`); `maybe`, it may be absent or null and the Required column tells which
 * (Go `*T`, Java `Optional<…>`, Ruby `T.nilable(…)`, PHP `?T`); `absent`, it may be absent
 * but not null (Python `Optional[…]`, which Speakeasy writes for fields that are not required).
 */
export type NullMark = "null" | "maybe" | "absent";

const STRING: TypeExpr = { kind: "string" };
const INTEGER: TypeExpr = { kind: "integer" };
const NUMBER: TypeExpr = { kind: "number" };
const BOOLEAN: TypeExpr = { kind: "boolean" };
const UNKNOWN: TypeExpr = { kind: "unknown" };
const DATE_TIME: TypeExpr = { kind: "date" };
const CALENDAR_DATE: TypeExpr = { kind: "rfcDate" };
const BYTES: TypeExpr = { kind: "platform", name: "Uint8Array" };
const STREAM: TypeExpr = { kind: "platform", name: "ReadableStream<Uint8Array>" };

type Only = readonly Dialect[] | undefined;

const NOT_PYTHON: Only = DIALECTS.filter((dialect) => dialect !== "python");

interface SimpleEntry {
  type: TypeExpr;
  only?: Only;
}

function names(list: readonly string[], type: TypeExpr, only?: Only): Array<[string, SimpleEntry]> {
  return list.map((name) => [name, only ? { type, only } : { type }]);
}

/**
 * Names without type arguments. `only` keeps a name to the dialects where it means that.
 * Python's link texts are the reverse of their meaning (`[date](…#date-objects)` is written
 * for date-time fields), and Ruby links date-time fields to its `Date` class: the field's
 * example, when it has one, has the last word (`readFieldsTable`).
 */
const SIMPLE: ReadonlyArray<[string, SimpleEntry]> = [
  ...names(["string", "str", "String", "char", "Char"], STRING),
  ...names(["integer", "Integer", "int", "Int", "long", "Long", "short", "Short", "byte", "Byte"], INTEGER),
  ...names(["bigint", "BigInteger", "big.Int", "BigInt", "Brick\\Math\\BigInteger"], { kind: "bigint" }),
  ...names(
    [
      "int8",
      "int16",
      "int32",
      "int64",
      "uint",
      "uint8",
      "uint16",
      "uint32",
      "uint64",
      "Int16",
      "Int32",
      "Int64",
      "UInt16",
      "UInt32",
      "UInt64",
    ],
    INTEGER,
  ),
  ...names(
    [
      "number",
      "float",
      "Float",
      "double",
      "Double",
      "decimal",
      "Decimal",
      "BigDecimal",
      "float32",
      "float64",
      "Numeric",
      "Number",
    ],
    NUMBER,
  ),
  ...names(["boolean", "bool", "Boolean", "T::Boolean"], BOOLEAN),
  ...names(
    ["any", "unknown", "Any", "Object", "object", "mixed", "T.untyped", "JsonNode", "JsonElement", "interface{}"],
    UNKNOWN,
  ),
  ...names(["null", "None", "nil", "NilClass"], { kind: "null" }),
  ...names(["true", "True"], { kind: "literal", value: true }),
  ...names(["false", "False"], { kind: "literal", value: false }),
  ...names(["Date"], DATE_TIME),
  ...names(["date"], DATE_TIME, ["python"]),
  ...names(["datetime"], CALENDAR_DATE, ["python"]),
  ...names(["datetime.datetime"], DATE_TIME, ["python"]),
  ...names(["datetime.date"], CALENDAR_DATE, ["python"]),
  ...names(["RFCDate", "LocalDate", "DateOnly", "types.Date", "Brick\\DateTime\\LocalDate"], CALENDAR_DATE),
  ...names(
    [
      "OffsetDateTime",
      "ZonedDateTime",
      "Instant",
      "DateTime",
      "DateTimeOffset",
      "DateTimeInterface",
      "time.Time",
      "Time",
    ],
    DATE_TIME,
  ),
  ...names(["array"], { kind: "array", element: UNKNOWN }),
  // OpenAPI's format names, as hand-written pages write them.
  ...names(["date"], CALENDAR_DATE, NOT_PYTHON),
  ...names(["datetime", "date-time"], DATE_TIME, NOT_PYTHON),
  ...names(["uuid", "UUID", "email", "uri", "url", "hostname", "ipv4", "ipv6", "password"], STRING, ["typescript"]),
  ...names(["Uint8Array", "bytes", "bytearray", "ByteArray"], BYTES),
  ...names(["File"], { kind: "platform", name: "File" }),
  ...names(["Blob"], { kind: "platform", name: "Blob" }),
  ...names(
    [
      "io.BufferedReader",
      "io.Reader",
      "io.ReadCloser",
      "InputStream",
      "Stream",
      "StreamInterface",
      "Psr\\Http\\Message\\StreamInterface",
    ],
    STREAM,
  ),
];

const SIMPLE_BY_NAME: ReadonlyMap<string, SimpleEntry[]> = SIMPLE.reduce(
  (map, [name, entry]) => map.set(name, [...(map.get(name) ?? []), entry]),
  new Map<string, SimpleEntry[]>(),
);

/** The name as the table keys it: Ruby's top-level `::String` and PHP's `\DateTime` lose their leading root. */
export function bareName(name: string): string {
  return name.replace(/^::/, "").replace(/^\\/, "");
}

/** What a name without type arguments means in `dialect`, if it is a built-in. */
export function simpleType(name: string, dialect: Dialect): TypeExpr | undefined {
  const entries = SIMPLE_BY_NAME.get(bareName(name));
  return entries?.find((entry) => !entry.only || entry.only.includes(dialect))?.type;
}

/** A generic's reading: a type, a wrapper around one, or `undefined` when the arguments do not fit. */
export type GenericReading = { type: TypeExpr } | { wrap: NullMark; inner: TypeExpr };

type Generic = (args: readonly TypeExpr[], dialect: Dialect) => GenericReading | undefined;

const one =
  (build: (arg: TypeExpr) => GenericReading): Generic =>
  (args) =>
    args.length === 1 ? build(args[0]!) : undefined;

const array: Generic = one((element) => ({ type: { kind: "array", element } }));

/** `Map<String, T>`: keys must be strings, as JSON's are. */
const record: Generic = (args) =>
  args.length === 2 && args[0]!.kind === "string" ? { type: { kind: "record", value: args[1]! } } : undefined;

/** `Union[A, B]`, `T.any(A, B)`: the members, each once (`Union[bytes, IO[bytes], io.BufferedReader]` names streams twice). */
const union: Generic = (args) => {
  const members = args.filter(
    (arg, index) => args.findIndex((other) => JSON.stringify(other) === JSON.stringify(arg)) === index,
  );
  return members.length >= 1 ? { type: members.length === 1 ? members[0]! : { kind: "union", members } } : undefined;
};

const wrap = (mark: NullMark): Generic => one((inner) => ({ wrap: mark, inner }));

/** `ReadableStream<Uint8Array>` and `IO[bytes]`: a stream of bytes. */
const byteStream: Generic = (args) =>
  args.length === 1 && args[0]!.kind === "platform" && args[0].name === "Uint8Array" ? { type: STREAM } : undefined;

/** `Literal["a", "b"]`: its literals. */
const literal: Generic = (args) =>
  args.length >= 1 && args.every((arg) => arg.kind === "literal") ? union(args, "python") : undefined;

/** PHP's `array<T>` is a list and `array<string, T>` a map. */
const phpArray: Generic = (args, dialect) => (args.length === 1 ? array(args, dialect) : record(args, dialect));

/** `Symbol` keys of a Ruby hash are written as strings on the wire. */
const rubyHash: Generic = (args, dialect) =>
  args.length === 2 && args[0]!.kind === "ref" && args[0].name === "Symbol"
    ? record([STRING, args[1]!], dialect)
    : record(args, dialect);

interface GenericEntry {
  read: Generic;
  only?: Only;
}

const GENERICS: ReadonlyMap<string, GenericEntry[]> = new Map<string, GenericEntry[]>([
  ["Array", [{ read: array }]],
  ["List", [{ read: array }]],
  ["list", [{ read: array, only: ["python"] }]],
  ["Sequence", [{ read: array, only: ["python"] }]],
  // TypeScript clients of OpenAPI Generator write `Set<T>` for unique items, which JSON carries as an array.
  ["Set", [{ read: array, only: ["java", "csharp", "python", "typescript"] }]],
  ["IEnumerable", [{ read: array, only: ["csharp"] }]],
  ["T::Array", [{ read: array }]],
  ["T::Set", [{ read: array }]],
  ["Record", [{ read: record }]],
  ["Dict", [{ read: record }]],
  ["dict", [{ read: record, only: ["python"] }]],
  ["Map", [{ read: record, only: ["java", "python", "php", "ruby", "go", "csharp"] }]],
  ["map", [{ read: record }]],
  ["Dictionary", [{ read: record }]],
  ["IDictionary", [{ read: record }]],
  ["T::Hash", [{ read: rubyHash }]],
  ["array", [{ read: phpArray }]],
  ["Union", [{ read: union, only: ["python"] }]],
  ["T.any", [{ read: union }]],
  ["Literal", [{ read: literal, only: ["python"] }]],
  ["ReadableStream", [{ read: byteStream, only: ["typescript"] }]],
  ["IO", [{ read: byteStream, only: ["python"] }]],
  ["Optional", [{ read: wrap("absent"), only: ["python"] }, { read: wrap("maybe") }]],
  ["Nullable", [{ read: wrap("null") }]],
  ["OptionalNullable", [{ read: wrap("null") }]],
  ["JsonNullable", [{ read: wrap("null") }]],
  ["optionalnullable.OptionalNullable", [{ read: wrap("null"), only: ["go"] }]],
  ["T.nilable", [{ read: wrap("maybe") }]],
]);

/** Whether a name is a generic the table knows (in any dialect), for the "does not take N arguments" message. */
export function isKnownGeneric(name: string): boolean {
  return GENERICS.has(bareName(name));
}

/** What `name<args>` (or `name[args]`, `name(args)`) means in `dialect`; `undefined` for a generic the table does not know or arguments that do not fit it. */
export function genericType(
  name: string,
  args: readonly TypeExpr[],
  dialect: Dialect,
): GenericReading | undefined | "misfit" {
  const entries = GENERICS.get(bareName(name));
  const entry = entries?.find((candidate) => !candidate.only || candidate.only.includes(dialect));
  if (!entry) return undefined;
  return entry.read(args, dialect) ?? "misfit";
}

/**
 * The SDK's own objects (`[HttpResponse<InputStream>](…)`, `[*http.Response](…)`,
 * `[Faraday::Response](…)`, Python's `eventstreaming.EventStream[…]`): response pages list
 * them beside the body, but no API sends one as JSON.
 */
const SDK_OBJECTS = new Set([
  "eventstreaming.EventStream",
  "eventstreaming.EventStreamAsync",
  "stream.EventStream",
  "HttpResponse",
  "http.Response",
  "http.Request",
  "HttpRequest",
  "HttpRequestMessage",
  "HttpResponseMessage",
  "UnityWebRequest",
  "Faraday::Response",
  "httpx.Response",
  "Psr\\Http\\Message\\ResponseInterface",
  "Response",
  "AxiosResponse",
]);

/** Whether a name is one of an SDK's own objects, in any dialect but TypeScript (whose docs map theirs with `externalTypes`). */
export function isSdkObject(name: string, dialect: Dialect): boolean {
  return dialect !== "typescript" && SDK_OBJECTS.has(bareName(name));
}
