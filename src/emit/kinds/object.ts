/**
 * Object models: the interface, the guard and the issue collector, the builder. The guard and
 * the collector walk the fields in one pass with plain loops (no callbacks, nothing
 * allocated); the collector checks each part with its guard first and builds a path only for
 * a part that fails.
 */
import type { StatementStructures, TypeAliasDeclarationStructure, VariableStatementStructure } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "../ts-morph.js";
import { describeType } from "../../ir/examples.js";
import type { ResolvedField, ResolvedObjectModel, ResolvedType } from "../../ir/types.js";
import { codecExpr } from "../code/codec.js";
import { collectStatement, objectIssuesCall } from "../code/collect.js";
import {
  allOf,
  call,
  differs,
  ifThen,
  isAlwaysTrue,
  isPresent,
  negate,
  render,
  type Condition,
} from "../code/condition.js";
import { guardCondition, isLeaf } from "../code/guard.js";
import { fieldTypeText } from "../code/type-text.js";
import { notOwnObject, refName, runtime, runtimeLocal, runtimeType, type ModuleContext } from "../context.js";
import { stringLiteral } from "../escape.js";
import { fieldDoc, jsDoc } from "../jsdoc.js";
import { fieldAccess, needsOwnField, propertyKey } from "../naming.js";

/** Field examples as printed TypeScript, by field name (for `@example`). */
export type FieldExampleTexts = ReadonlyMap<string, string>;

/** The model's interface, a property per field with its doc. */
export function objectDeclarations(
  body: ResolvedObjectModel,
  ctx: ModuleContext,
  examples: FieldExampleTexts,
): StatementStructures[] {
  return [
    {
      kind: StructureKind.Interface,
      name: ctx.names.type,
      isExported: true,
      docs: jsDoc(ctx.model.description),
      properties: body.fields.map((field) => ({
        name: propertyKey(field.name),
        type: fieldTypeText(field, ctx),
        hasQuestionToken: !field.required,
        docs: fieldDoc(field, examples.get(field.name)),
      })),
    },
  ];
}

/** An `if` that is the whole check of a part, so a presence test can join its condition. */
interface Check {
  condition: Condition;
  then: string;
}

type Line = string | Check;

function print(line: Line): string {
  return typeof line === "string" ? line : ifThen(line.condition, line.then);
}

/** The body of `isX`: `return false` at the first field that does not fit. */
export function objectGuard(body: ResolvedObjectModel, ctx: ModuleContext): string[] {
  const lines = [`if (${notOwnObject(ctx)}) return false;`];
  if (ctx.options.unknownProperties === "reject") {
    lines.push(`if (!${runtime(ctx, "hasOnlyKeys")}(value, ${knownKeys(body, ctx)})) return false;`);
  }
  const locals = new Set<string>();
  const fields = body.fields.map((field) => usingOwnField(field, ctx, fieldGuard(field, ctx, locals)));
  const part = {
    prefix: `${ctx.names.is}$`,
    args: ["value"],
    returns: "boolean",
    end: ["return true;"],
    call: (call: string) => `if (!${call}) return false;`,
  };
  lines.push(...inParts(ctx, fields, part));
  lines.push("return true;");
  return lines;
}

/**
 * `collectXIssues`: the runtime's `objectIssues` around a walk of the fields that records every
 * issue with its path. The runtime checks that the value is an object, reads its own fields,
 * rejects unknown keys, counts a recursive model's depth and turns a throwing getter into an
 * issue; the walk is generated code, each part checked with its guard first (a field table the
 * runtime walks took 2.7x as long on an invalid value: docs/performance.md).
 */
export function objectCollector(body: ResolvedObjectModel, ctx: ModuleContext): string {
  const locals = new Set<string>();
  const fields = body.fields.map((field) => usingOwnField(field, ctx, fieldCollector(field, ctx, locals)));
  const part = {
    prefix: `${ctx.names.collect}$`,
    args: ["value", "path", "issues"],
    returns: "void",
    end: [],
    call: (call: string) => `${call};`,
  };
  const statements = inParts(ctx, fields, part);
  // A model with nothing to check (no fields, or only fields of any value) walks nothing.
  const walk = statements.length === 0 ? "() => {}" : `(value, path, issues) => {\n${statements.join("\n")}\n}`;
  const keys = ctx.options.unknownProperties === "reject" ? [`keys: ${knownKeys(body, ctx)}`] : [];
  return objectIssuesCall(walk, keys, ctx);
}

/** Past this many fields, a walk is split into functions: tsc refuses control flow analysis of a body much longer. */
const FIELDS_PER_FUNCTION = 250;

/** A module-level function that walks some of the fields: its name's prefix, parameters, return type and last statements, and the statement that calls it. */
interface PartOfWalk {
  prefix: string;
  args: readonly string[];
  returns: string;
  end: readonly string[];
  call: (call: string) => string;
}

/** Each field's statements, as they are when the model is small; else statements calling functions that each walk `FIELDS_PER_FUNCTION` fields. */
function inParts(ctx: ModuleContext, fields: string[][], { prefix, args, returns, end, call }: PartOfWalk): string[] {
  if (fields.length <= FIELDS_PER_FUNCTION) return fields.flat();
  const types: Record<string, string> = {
    value: "Record<string, unknown>",
    path: `readonly ${runtimeType(ctx, "PathSegment")}[]`,
    issues: `${runtimeType(ctx, "ValidationIssue")}[]`,
  };
  const calls: string[] = [];
  for (let start = 0; start < fields.length; start += FIELDS_PER_FUNCTION) {
    const name = `${prefix}${calls.length + 1}`;
    ctx.helpers.set(`part ${name}`, {
      kind: StructureKind.Function,
      name,
      parameters: args.map((arg) => ({ name: arg, type: types[arg]! })),
      returnType: returns,
      statements: [...fields.slice(start, start + FIELDS_PER_FUNCTION).flat(), ...end],
    });
    calls.push(call(`${name}(${args.join(", ")})`));
  }
  return calls;
}

/** A field read through `ownField` imports it, unless the field needs no check at all. */
function usingOwnField(field: ResolvedField, ctx: ModuleContext, lines: string[]): string[] {
  if (lines.length > 0 && needsOwnField(field.name)) runtime(ctx, "ownField");
  return lines;
}

/** Containers are read into a local once, so the checks below can narrow it. */
function readField(field: ResolvedField, ctx: ModuleContext, locals: Set<string>): { value: string; lines: string[] } {
  const access = fieldAccess("value", field.name, runtimeLocal(ctx, "ownField"));
  if (field.type.kind !== "array" && field.type.kind !== "record") return { value: access, lines: [] };
  const base = `$${field.name.replace(/[^\w$]/g, "_")}`;
  let local = base;
  for (let n = 2; locals.has(local); n++) local = `${base}${n}`;
  locals.add(local);
  return { value: local, lines: [`const ${local} = ${access};`] };
}

/** The test that a field is there to be checked: defined, and not an allowed null. */
function presence(field: ResolvedField, value: string): Condition | undefined {
  if (field.required) return field.nullable ? differs(value, "null") : undefined;
  return field.nullable ? isPresent(value) : differs(value, "undefined");
}

/** `lines` under the field's presence test: joined into a lone check's condition, else as a block. */
function whenPresent(when: Condition | undefined, lines: readonly string[], checks: readonly Line[]): string[] {
  if (when === undefined) return [...lines, ...checks.map(print)];
  const [only] = checks;
  if (checks.length === 1 && typeof only !== "string")
    return [...lines, ifThen(allOf([when, only!.condition]), only!.then)];
  return [...lines, ...inBlock(when, checks)];
}

function fieldGuard(field: ResolvedField, ctx: ModuleContext, locals: Set<string>): string[] {
  const { value, lines } = readField(field, ctx, locals);
  const checks = typeChecks(field.type, value, ctx, 0);
  if (checks.length === 0) return field.required ? [`if (${value} === undefined) return false;`] : [];
  // A required field that is undefined fails every check, so it needs no test of its own.
  return whenPresent(presence(field, value), lines, checks);
}

/** Checks that `return false` unless `value` has `type`. */
function typeChecks(type: ResolvedType, value: string, ctx: ModuleContext, depth: number): Line[] {
  const index = depth === 0 ? "i" : `i${depth + 1}`;
  const key = depth === 0 ? "key" : `key${depth + 1}`;
  switch (type.kind) {
    case "array": {
      const element = guardCondition(type.element, `${value}[${index}]`, ctx);
      const loop = ifThen(negate(element), "return false;");
      // Elements of type `unknown` need no loop.
      return [
        { condition: negate(call(`Array.isArray(${value})`)), then: "return false;" },
        ...(isAlwaysTrue(element) ? [] : [`for (let ${index} = 0; ${index} < ${value}.length; ${index}++) ${loop}`]),
      ];
    }
    case "record": {
      const item = guardCondition(type.value, `${value}[${key}]`, ctx);
      const isObject = { condition: negate(call(`${runtime(ctx, "isObject")}(${value})`)), then: "return false;" };
      if (isAlwaysTrue(item)) return [isObject];
      // Own keys only, as the runtime's isRecordOf reads a record: an inherited key is no value of it.
      const own = call(`${runtime(ctx, "hasOwn")}(${value}, ${key})`);
      return [isObject, `for (const ${key} in ${value}) { ${ifThen(allOf([own, negate(item)]), "return false;")} }`];
    }
    default: {
      const guard = guardCondition(type, value, ctx);
      return isAlwaysTrue(guard) ? [] : [{ condition: negate(guard), then: "return false;" }];
    }
  }
}

function fieldCollector(field: ResolvedField, ctx: ModuleContext, locals: Set<string>): string[] {
  if (isLeaf(field.type)) return [leafFieldCollector(field, ctx)];
  const { value, lines } = readField(field, ctx, locals);
  const segments = [stringLiteral(field.name)];
  const expected = fieldExpected(field);
  const checks = typeCollector(field.type, value, segments, expected, ctx, 0);
  if (field.required) {
    const missing = `${runtime(ctx, "pushMissing")}(issues, ${pathOf(segments, ctx)}, ${stringLiteral(expected)});`;
    if (checks.length === 0) return [`if (${value} === undefined) ${missing}`];
    const when = presence(field, value);
    const rest = when === undefined ? block(checks.map(print)) : inBlock(when, checks);
    return [...lines, `if (${value} === undefined) ${missing}`, "else", ...rest];
  }
  if (checks.length === 0) return [];
  return whenPresent(presence(field, value), lines, checks);
}

/** What a field's issue says was expected: its type, and `null` where the doc allows it. */
function fieldExpected(field: ResolvedField): string {
  return describeType(field.type) + (field.nullable ? " | null" : "");
}

/** A field of a leaf type is one statement: where its guard fails, the runtime records it as missing or as one issue. */
function leafFieldCollector(field: ResolvedField, ctx: ModuleContext): string {
  const value = fieldAccess("value", field.name, runtimeLocal(ctx, "ownField"));
  const expected = fieldExpected(field);
  const failed = negate(guardCondition(field.type, value, ctx));
  const when = presence(field, value);
  const record = `${runtime(ctx, "collectFieldIssues")}(${value}, path, ${stringLiteral(field.name)}, issues, ${stringLiteral(expected)});`;
  return ifThen(when === undefined ? failed : allOf([when, failed]), record);
}

/** `if (when) { …lines }`. */
function inBlock(when: Condition, lines: readonly Line[]): string[] {
  return [`if (${render(when)}) {`, ...lines.map(print), "}"];
}

function block(statements: string[]): string[] {
  return statements.length === 1 ? statements : ["{", ...statements, "}"];
}

/** `pathAt(path, "items", i)`: built only where an issue is recorded. */
function pathOf(segments: readonly string[], ctx: ModuleContext): string {
  return `${runtime(ctx, "pathAt")}(path, ${segments.join(", ")})`;
}

/** Checks that record the issues of `value` (at `segments` below `path`), guard first. */
function typeCollector(
  type: ResolvedType,
  value: string,
  segments: readonly string[],
  expected: string,
  ctx: ModuleContext,
  depth: number,
): Line[] {
  // Named on use: only a statement that records an issue imports `pathAt`.
  const path = () => pathOf(segments, ctx);
  const push = (what: string) => `${runtime(ctx, "pushIssue")}(issues, ${path()}, ${stringLiteral(what)}, ${value});`;
  switch (type.kind) {
    case "unknown":
    case "external":
      return [];
    case "ref":
      return [
        {
          condition: negate(call(`${refName(ctx, type.target, "is")}(${value})`)),
          then: `${refName(ctx, type.target, "collect")}(${value}, ${path()}, issues);`,
        },
      ];
    case "array": {
      const [index, item] = [depth === 0 ? "i" : `i${depth + 1}`, depth === 0 ? "item" : `item${depth + 1}`];
      const inner = typeCollector(type.element, item, [...segments, index], describeType(type.element), ctx, depth + 1);
      const notArray = { condition: negate(call(`Array.isArray(${value})`)), then: push(expected) };
      if (inner.length === 0) return [notArray];
      return [
        print(notArray),
        `else for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
        `const ${item}: unknown = ${value}[${index}];`,
        ...inner.map(print),
        "}",
      ];
    }
    case "record": {
      const [key, item] = [depth === 0 ? "key" : `key${depth + 1}`, depth === 0 ? "item" : `item${depth + 1}`];
      const inner = typeCollector(type.value, item, [...segments, key], describeType(type.value), ctx, depth + 1);
      const notObject = { condition: negate(call(`${runtime(ctx, "isObject")}(${value})`)), then: push(expected) };
      if (inner.length === 0) return [notObject];
      // for…in with hasOwn, as the guard walks it: no key array is allocated.
      const inherited = `if (!${runtime(ctx, "hasOwn")}(${value}, ${key})) continue;`;
      return [
        print(notObject),
        `else for (const ${key} in ${value}) {`,
        inherited,
        `const ${item}: unknown = ${value}[${key}];`,
        ...inner.map(print),
        "}",
      ];
    }
    case "union": {
      const failed = negate(guardCondition(type, value, ctx));
      return [
        {
          condition: failed,
          then: type.members.every(isLeaf) ? push(expected) : collectStatement(type, value, path(), ctx)!,
        },
      ];
    }
    default:
      return [{ condition: negate(guardCondition(type, value, ctx)), then: push(expected) }];
  }
}

/** A module-level set of the model's field names, for rejecting unknown properties. */
function knownKeys(body: ResolvedObjectModel, ctx: ModuleContext): string {
  const name = `${ctx.names.type.charAt(0).toLowerCase()}${ctx.names.type.slice(1)}Keys`;
  ctx.constants.set(name, {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name,
        type: "ReadonlySet<string>",
        initializer: `/* @__PURE__ */ new Set([${body.fields.map((field) => stringLiteral(field.name)).join(", ")}])`,
      },
    ],
  });
  return name;
}

/** The object's codec: each field by its codec, the unknown properties as the config says. */
export function objectCodec(body: ResolvedObjectModel, ctx: ModuleContext): string {
  const { type, wire, is } = ctx.names;
  const rows = body.fields.map((field) => {
    const codec = codecExpr(field.type, ctx);
    const args = [
      stringLiteral(field.name),
      field.nullable ? `${runtime(ctx, "nullable")}(${codec})` : codec,
      // What a required field holds names it in the message when it is absent; an optional one is never absent.
      ...(field.required ? [stringLiteral(fieldExpected(field))] : []),
      ...(field.wireName !== undefined ? [stringLiteral(field.wireName)] : []),
    ];
    return `${runtime(ctx, field.required ? "required" : "optional")}(${args.join(", ")})`;
  });
  // The field list is made on first use, so models that refer to each other may load in any order.
  return `${runtime(ctx, "objectCodec")}<${type}, ${wire}>(${stringLiteral(type)}, ${is}, () => [${rows.join(", ")}], ${stringLiteral(ctx.options.unknownProperties)})`;
}

/**
 * `XBuilder`: a class made by the runtime's `builderClass`, with a chainable setter per field
 * whose type records the fields set so far, so `build()` without a required field is a
 * compile error; `build()` validates too. The setters' types come from the model's own type
 * (the runtime's `Builder`), so each module declares the builder in two statements, and
 * editors still show each field's doc on its setter.
 */
export function objectBuilder(
  body: ResolvedObjectModel,
  ctx: ModuleContext,
): [TypeAliasDeclarationStructure, VariableStatementStructure] {
  const { type, builder, assert } = ctx.names;
  const required = body.fields.filter((field) => field.required).map((field) => stringLiteral(field.name));
  const requiredType = required.length > 0 ? required.join(" | ") : "never";
  const fields = `[${body.fields.map((field) => stringLiteral(field.name)).join(", ")}]`;
  return [
    {
      kind: StructureKind.TypeAlias,
      name: builder,
      isExported: true,
      docs: jsDoc(`A {@link ${type}} builder that has set the fields \`Done\`.`),
      typeParameters: [{ name: "Done", constraint: `keyof ${type}`, default: "never" }],
      type: `${runtimeType(ctx, "Builder")}<${type}, ${requiredType}, Done>`,
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(`Builds {@link ${type}} values one field at a time; \`build()\` checks the result.`),
      declarations: [
        {
          name: builder,
          // Annotated, not inferred, so the module also compiles under `isolatedDeclarations`.
          type: `${runtimeType(ctx, "BuilderClass")}<${type}, ${requiredType}>`,
          initializer: `/* @__PURE__ */ ${runtime(ctx, "builderClass")}(${stringLiteral(builder)}, ${fields}, ${assert})`,
        },
      ],
    },
  ];
}
