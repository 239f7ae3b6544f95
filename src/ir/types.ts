/**
 * The intermediate representation: what a model doc says, as plain JSON-serialisable
 * data. Every node has a `kind` discriminant; nodes read from markdown keep the mdast
 * `position` they came from so diagnostics can point at file:line:column.
 */

import type { Point, Position } from "../shared/position.js";

export type { Point, Position };

/** Types that every JavaScript runtime or platform already names. */
export type PlatformTypeName = "Uint8Array" | "ReadableStream<Uint8Array>" | "File" | "Blob";

/** A link to another model doc: `name` as written (`components.Foo`, `shared.Status`), `href` the link target when written as a link. */
export interface RefType {
  kind: "ref";
  name: string;
  href?: string;
  /** For a C# union member (`### Manual`), its name within the union (`CreatePlaylistRequestManual`), tried when `name` names no model. */
  nested?: string;
}

/** A link after resolution: `target` is the doc path of the model it names, which the run has. */
export interface ResolvedRefType extends RefType {
  target: string;
}

/** The type tree, with the links of a stage: as read (`RefType`) or resolved (`ResolvedRefType`). */
export type TypeOf<Ref extends RefType> =
  | { kind: "string" }
  | { kind: "number" }
  /** A number with no fraction (`int`, `long`, `int64`, `::Integer`): checked with `Number.isInteger`. */
  | { kind: "integer" }
  /** An integer past what a double holds (`BigInteger`, `*big.Int`, `bigint`): a `bigint`, a string of digits in JSON. */
  | { kind: "bigint" }
  | { kind: "boolean" }
  | { kind: "unknown" }
  | { kind: "null" }
  | { kind: "literal"; value: string | number | boolean }
  /** A JavaScript `Date`. */
  | { kind: "date" }
  /** A calendar date held as a `YYYY-MM-DD` string. */
  | { kind: "rfcDate" }
  | { kind: "platform"; name: PlatformTypeName }
  | { kind: "array"; element: TypeOf<Ref> }
  | { kind: "record"; value: TypeOf<Ref> }
  | { kind: "union"; members: Array<TypeOf<Ref>> }
  | Ref
  /** A name the doc format does not define and no model doc provides. */
  | { kind: "external"; name: string; href?: string };

/** The type written in a Type cell (or a union member heading), as read: links not yet followed. */
export type TypeExpr = TypeOf<RefType>;

/** A type after resolution: every link has the doc path of its model (a broken one became `unknown` or `external`). */
export type ResolvedType = TypeOf<ResolvedRefType>;

export type TypeKind = TypeExpr["kind"];

/** Whether a field may hold `null`, as a doc (or a config override) says it. */
export type Nullability = "yes" | "no" | "unknown";

/** A field of an object model: one row of the `## Fields` table. */
export interface Field<T extends TypeExpr = TypeExpr> {
  /** The property name in TypeScript: the Field cell, or its camelCase form (`fieldNames`). */
  name: string;
  /** The name JSON carries, when it is not `name` (a Python doc's `created_at` for `createdAt`). */
  wireName?: string;
  type: T;
  required: boolean;
  /**
   * What the doc says of `null`: `yes` (a `null` member in the Type cell, `*string* \| *null*`),
   * `no`, or `unknown` (the TypeScript dialect writes `string | null` as `*string*`).
   */
  nullability: Nullability;
  /** May hold `null`: the doc's word, else a config override, else the `nulls` policy (`ir/nullability.ts`). */
  nullable: boolean;
  /** The Description cell as markdown source text (may be empty). */
  description: string;
  deprecated: boolean;
  /** Why, or what to use instead, when the doc says so. */
  deprecationNote?: string;
  /** The Example cell as written, `<br/>` read as a line break; absent when empty. */
  example?: { text: string; position: Position };
  position: Position;
}

/** One member of an enum: `## Values`. */
export interface EnumMember {
  /** The Name column, when the doc gives one. */
  name?: string;
  value: string | number;
  position: Position;
}

/** A typescript code block that declares an example value: `let value: Foo = {…};`. */
export interface ExampleCode {
  /** Where the code starts (the line after the opening fence). */
  position: Position;
  /** The literal the code declares, untyped; absent when it could not be read. */
  value?: ExampleValue;
}

/** One member of a union: a `### \`T\`` heading under `## Supported Types`. */
export interface UnionMember<T extends TypeExpr = TypeExpr> {
  type: T;
  /** The code block under the heading, when there is one. */
  example?: ExampleCode;
  position: Position;
}

export interface ObjectModel<T extends TypeExpr = TypeExpr> {
  kind: "object";
  fields: Array<Field<T>>;
}

export interface EnumModel {
  kind: "enum";
  members: EnumMember[];
  /** An open enum also accepts values the doc does not list (`Unrecognized<string>`). */
  open: boolean;
  /** The doc gives member names only, so the values were assumed from them (APIMatic); examples elsewhere may say better. */
  assumedValues?: boolean;
}

export interface UnionModel<T extends TypeExpr = TypeExpr> {
  kind: "union";
  members: Array<UnionMember<T>>;
}

export type ModelBody<T extends TypeExpr = TypeExpr> = ObjectModel<T> | EnumModel | UnionModel<T>;

/** One model doc, read (links not yet followed; see `ResolvedModel`). */
export interface ModelDoc<T extends TypeExpr = TypeExpr> {
  /** The model name from the `#` heading. */
  name: string;
  /** The doc's path relative to the input folder, with `/` separators. */
  path: string;
  /** The paragraphs between the title and the first section, as markdown source. */
  description: string;
  body: ModelBody<T>;
  /** The `## Example Usage` block, when the doc has one. */
  exampleUsage?: ExampleCode;
  position: Position;
}

/** A value written as an example, typed enough to print as a TypeScript literal. */
export type ExampleValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  /** A `bigint`, as its decimal digits. */
  | { kind: "bigint"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "date"; iso: string }
  /** A calendar date (`YYYY-MM-DD`), for an RFCDate field. */
  | { kind: "rfcDate"; value: string }
  | { kind: "array"; items: ExampleValue[] }
  | { kind: "object"; entries: Array<[key: string, value: ExampleValue]> };

/** A model after resolution: what `emit/` takes. */
export type ResolvedModel = ModelDoc<ResolvedType>;
export type ResolvedField = Field<ResolvedType>;
export type ResolvedObjectModel = ObjectModel<ResolvedType>;
export type ResolvedUnionModel = UnionModel<ResolvedType>;

/** How deep an example's literal may nest: deeper ones are refused with a message, never read by deep recursion. */
export const MAX_EXAMPLE_DEPTH = 100;

/** The leaves of a type: every part that is no array, record or union, in order. */
export function typeLeaves<T extends TypeExpr>(type: T): T[] {
  switch (type.kind) {
    case "array":
      return typeLeaves(type.element as T);
    case "record":
      return typeLeaves(type.value as T);
    case "union":
      return type.members.flatMap((member) => typeLeaves(member as T));
    default:
      return [type];
  }
}

/** The types of a model's fields or members (an enum has none). */
export function bodyTypes<T extends TypeExpr>(model: ModelDoc<T>): T[] {
  if (model.body.kind === "object") return model.body.fields.map((field) => field.type);
  if (model.body.kind === "union") return model.body.members.map((member) => member.type);
  return [];
}
