/**
 * Type names a doc family means differently from the dialect's table (`type-names.ts`), as
 * data: a family's profile is its pages' shapes plus these names.
 */
import type { Dialect } from "../shared/dialects.js";
import type { Family } from "../shared/families.js";
import type { TypeExpr } from "../ir/types.js";
import type { TypeNameOverrides } from "./type-cell.js";

const nullable = (type: TypeExpr): TypeExpr => ({ kind: "union", members: [type, { kind: "null" }] });

const OPENAPI_GENERATOR: Partial<Record<Dialect, TypeNameOverrides>> = {
  // Its Python pages name the Python types as they are: `datetime` a date-time, `date` a date.
  python: new Map<string, TypeExpr>([
    ["datetime", { kind: "date" }],
    ["date", { kind: "rfcDate" }],
  ]),
  // Go's `NullableString` and its kin wrap a value that may be null.
  go: new Map<string, TypeExpr>([
    ["NullableString", nullable({ kind: "string" })],
    ["NullableBool", nullable({ kind: "boolean" })],
    ["NullableInt32", nullable({ kind: "integer" })],
    ["NullableInt64", nullable({ kind: "integer" })],
    ["NullableFloat32", nullable({ kind: "number" })],
    ["NullableFloat64", nullable({ kind: "number" })],
    ["NullableTime", nullable({ kind: "date" })],
    ["os.File", { kind: "platform", name: "File" }],
  ]),
  java: new Map<string, TypeExpr>([
    ["URI", { kind: "string" }],
    ["UUID", { kind: "string" }],
    ["AnyType", { kind: "unknown" }],
  ]),
  // Its Ruby pages write `Date` for a calendar date and `Hash<String, T>` for a map.
  ruby: new Map<string, TypeExpr | string>([
    ["Date", { kind: "rfcDate" }],
    ["Hash", "Map"],
  ]),
  csharp: new Map<string, TypeExpr | string>([
    ["Guid", { kind: "string" }],
    ["System.IO.Stream", { kind: "platform", name: "ReadableStream<Uint8Array>" }],
    ["FileParameter", { kind: "platform", name: "File" }],
  ]),
  php: new Map<string, TypeExpr | string>([
    ["SplFileObject", { kind: "platform", name: "File" }],
    ["\\SplFileObject", { kind: "platform", name: "File" }],
  ]),
};

const BY_FAMILY: Readonly<Record<Family, Partial<Record<Dialect, TypeNameOverrides>>>> = {
  speakeasy: {},
  "openapi-generator": OPENAPI_GENERATOR,
  apimatic: {},
  liblab: {},
};

/** The names `family`'s pages in `dialect` give their own meaning, if any. */
export function typeNamesOf(family: Family, dialect: Dialect): TypeNameOverrides | undefined {
  return BY_FAMILY[family][dialect];
}
