/**
 * Validators: `isX` is a boolean guard that allocates nothing; `collectXIssues` walks a
 * value that failed it and records every issue with its path; `validateX` and `assertX`
 * run the guard first, so valid input never pays for paths.
 */
import type { StatementStructures } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import { describeType } from "../ir/examples.js";
import { findDiscriminator } from "../ir/discriminator.js";
import type { EnumModel, ResolvedType } from "../ir/types.js";
import { assertNever } from "../shared/assert-never.js";
import { refName, runtime, runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { fieldAccess, needsOwnField } from "./naming.js";
import { objectCollector, objectGuard } from "./object-validator.js";
import { typeText } from "./type-text.js";

const PLATFORM_GUARDS = {
  Uint8Array: "isUint8Array",
  "ReadableStream<Uint8Array>": "isReadableStream",
  File: "isFile",
  Blob: "isBlob",
} as const;

/** A boolean expression: does `value` (an expression) have type `type`? */
export function guardExpr(type: ResolvedType, value: string, ctx: ModuleContext): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return `typeof ${value} === "${type.kind}"`;
    case "null":
      return `${value} === null`;
    case "unknown":
    case "external":
      return "true";
    case "literal":
      return `${value} === ${typeof type.value === "string" ? stringLiteral(type.value) : String(type.value)}`;
    case "date":
      return `${runtime(ctx, "isValidDate")}(${value})`;
    case "rfcDate":
      return `${runtime(ctx, "isRfcDate")}(${value})`;
    case "platform":
      return `${runtime(ctx, PLATFORM_GUARDS[type.name])}(${value})`;
    case "array":
      return `${runtime(ctx, "isArrayOf")}(${value}, ${guardFunction(type.element, ctx)})`;
    case "record":
      return `${runtime(ctx, "isRecordOf")}(${value}, ${guardFunction(type.value, ctx)})`;
    case "union":
      return `(${type.members.map((member) => guardExpr(member, value, ctx)).join(" || ")})`;
    case "ref":
      return `${refName(ctx, type.target, "is")}(${value})`;
    default:
      return assertNever(type);
  }
}

/** A type-guard function for `type`: a named guard where one exists, else an arrow. */
function guardFunction(type: ResolvedType, ctx: ModuleContext): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return runtime(ctx, `is${type.kind.charAt(0).toUpperCase()}${type.kind.slice(1)}`);
    case "unknown":
    case "external":
      return runtime(ctx, "isUnknown");
    case "date":
      return runtime(ctx, "isValidDate");
    case "rfcDate":
      return runtime(ctx, "isRfcDate");
    case "platform":
      return runtime(ctx, PLATFORM_GUARDS[type.name]);
    case "ref":
      return refName(ctx, type.target, "is");
    default:
      return helperGuard(type, ctx);
  }
}

/** A module-level guard for a nested type such as `string[][]`, made once per module. */
function helperGuard(type: ResolvedType, ctx: ModuleContext): string {
  const text = typeText(type, ctx);
  const body = guardExpr(type, "value", ctx);
  const key = `${text}\n${body}`;
  const existing = ctx.helpers.get(key);
  if (existing) return existing.name;
  const name = `${ctx.names.is}Part${ctx.helpers.size + 1}`;
  ctx.helpers.set(key, {
    kind: StructureKind.Function,
    name,
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${text}`,
    statements: [`return ${body};`],
  });
  return name;
}

/** A statement that records the issues of `value` (an expression) at `path`. */
export function collectStatement(type: ResolvedType, value: string, path: string, ctx: ModuleContext): string | undefined {
  switch (type.kind) {
    case "ref":
      return `${refName(ctx, type.target, "collect")}(${value}, ${path}, issues);`;
    case "unknown":
    case "external":
      return undefined;
    case "array":
      return `${runtime(ctx, "collectArrayItems")}(${value}, ${path}, issues, ${stringLiteral(describeType(type))}, ${collectorFunction(type.element, ctx)});`;
    case "union":
      if (!type.members.every(isLeaf)) return memberIssues(type.members, value, path, ctx);
      return `if (${negate(guardExpr(type, value, ctx))}) ${pushIssue(ctx, path, describeType(type), value)}`;
    case "record":
      return `${runtime(ctx, "collectRecordValues")}(${value}, ${path}, issues, ${stringLiteral(describeType(type))}, ${collectorFunction(type.value, ctx)});`;
    default:
      return `if (${negate(guardExpr(type, value, ctx))}) ${pushIssue(ctx, path, describeType(type), value)}`;
  }
}

/** An `IssueCollector` for the items of an array or record: a named one where it exists. */
function collectorFunction(type: ResolvedType, ctx: ModuleContext): string {
  if (type.kind === "ref") return refName(ctx, type.target, "collect");
  const statement = collectStatement(type, "item", "itemPath", ctx);
  return statement === undefined ? runtime(ctx, "collectNothing") : `(item, itemPath, issues) => { ${statement} }`;
}

/** `!(expr)`, written as `a !== b` where the guard is one plain comparison. */
export function negate(guard: string): string {
  const comparison = /^(.+?) === ([^=]+)$/.exec(guard);
  if (comparison && !/&&|\|\||===/.test(comparison[1]!) && !/&&|\|\|/.test(comparison[2]!)) {
    return `${comparison[1]} !== ${comparison[2]}`;
  }
  return /^[\w$.]+\([^()]*\)$/.test(guard) ? `!${guard}` : `!(${guard})`;
}

function pushIssue(ctx: ModuleContext, path: string, expected: string, value: string): string {
  return `${runtime(ctx, "pushIssue")}(issues, ${path}, ${stringLiteral(expected)}, ${value});`;
}

/** `isX`, `collectXIssues`, `validateX` and `assertX` for the module's model. */
export function validatorStructures(ctx: ModuleContext): StatementStructures[] {
  const body = ctx.model.body;
  const { type } = ctx.names;
  const [isBody, collectBody] =
    body.kind === "object"
      ? [objectGuard(body, ctx), objectCollector(body, ctx)]
      : body.kind === "enum"
        ? [[`return ${enumGuard(body)};`], leafCollector(ctx)]
        : [unionGuard(body.members.map((member) => member.type), ctx), unionCollector(body.members.map((m) => m.type), ctx)];
  const [pathSegment, issue] = [runtimeType(ctx, "PathSegment"), runtimeType(ctx, "ValidationIssue")];
  return [
    {
      kind: StructureKind.Function,
      name: ctx.names.is,
      isExported: true,
      docs: [`Whether \`value\` is valid as {@link ${type}}; allocates nothing.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${type}`,
      statements: isBody,
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.collect,
      isExported: true,
      docs: [`Records every issue of \`value\` as {@link ${type}} under \`path\`. @internal`],
      parameters: [
        { name: "value", type: "unknown" },
        { name: "path", type: `readonly ${pathSegment}[]` },
        { name: "issues", type: `${issue}[]` },
      ],
      returnType: "void",
      statements: collectBody,
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.validate,
      isExported: true,
      docs: [`Checks \`value\` against {@link ${type}}: the typed value, or every issue with its path.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `${runtimeType(ctx, "ValidationResult")}<${type}>`,
      statements: [`return ${runtime(ctx, "validateWith")}(value, ${ctx.names.is}, ${ctx.names.collect});`],
    },
    {
      kind: StructureKind.Function,
      name: ctx.names.assert,
      isExported: true,
      docs: [`Throws a \`ValidationError\` listing every issue unless \`value\` is valid as {@link ${type}}.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `asserts value is ${type}`,
      statements: [`${runtime(ctx, "assertWith")}(value, ${ctx.names.is}, ${ctx.names.collect}, ${stringLiteral(type)});`],
    },
  ];
}

/** Types checked by one guard expression, with no nested issues to collect. */
export function isLeaf(type: ResolvedType): boolean {
  return !["ref", "array", "record", "unknown", "external"].includes(type.kind);
}

function enumGuard(body: EnumModel): string {
  // An open enum accepts any value of its members' type; the members only guide editors.
  if (body.open) return `typeof value === "${typeof body.members[0]?.value === "number" ? "number" : "string"}"`;
  return body.members.map((member) => `value === ${typeof member.value === "string" ? stringLiteral(member.value) : member.value}`).join(" || ");
}

/** Reads the discriminator field (through `ownField`, imported, when its name is inherited). */
function discriminatorAccess(field: string, ctx: ModuleContext): string {
  return needsOwnField(field) ? fieldAccess("value", field, runtime(ctx, "ownField")) : fieldAccess("value", field);
}

/** A union's guard: a `switch` on the discriminator when there is one, else any member. */
function unionGuard(members: readonly ResolvedType[], ctx: ModuleContext): string[] {
  const discriminator = findDiscriminator(members, ctx.models);
  if (!discriminator) return [`return ${members.map((member) => guardExpr(member, "value", ctx)).join(" || ")};`];
  return [
    `if (!${runtime(ctx, "isObject")}(value)) return false;`,
    `switch (${discriminatorAccess(discriminator.field, ctx)}) {`,
    ...discriminator.cases.map(({ value, member }) => `case ${literalText(value)}: return ${guardExpr(member, "value", ctx)};`),
    "default: return false;",
    "}",
  ];
}

/**
 * A union's issues: with a discriminator, the issues of the member it names; without,
 * one issue saying briefly why each member failed.
 */
function unionCollector(members: readonly ResolvedType[], ctx: ModuleContext): string[] {
  const expected = stringLiteral(members.map(describeType).join(" | "));
  const discriminator = findDiscriminator(members, ctx.models);
  if (!discriminator) return [memberIssues(members, "value", "path", ctx)];
  const key = discriminatorAccess(discriminator.field, ctx);
  const values = stringLiteral(discriminator.cases.map(({ value }) => JSON.stringify(value)).join(" | "));
  return [
    `if (!${runtime(ctx, "isObject")}(value)) {`,
    `${runtime(ctx, "pushIssue")}(issues, path, ${expected}, value);`,
    "return;",
    "}",
    `switch (${key}) {`,
    ...discriminator.cases.map(
      ({ value, member }) => `case ${literalText(value)}: ${collectStatement(member, "value", "path", ctx) ?? ""} return;`,
    ),
    `default: ${runtime(ctx, "pushIssue")}(issues, [...path, ${stringLiteral(discriminator.field)}], ${values}, ${key});`,
    "}",
  ];
}

/** One issue for a value that fits no member, saying briefly why each member failed. */
function memberIssues(members: readonly ResolvedType[], value: string, path: string, ctx: ModuleContext): string {
  const expected = stringLiteral(members.map(describeType).join(" | "));
  const named = members.map((member) => `[${stringLiteral(describeType(member))}, ${collectorFunction(member, ctx)}]`);
  return `${runtime(ctx, "collectUnionIssues")}(${value}, ${path}, issues, ${expected}, [${named.join(", ")}]);`;
}

function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

/** An enum is one value: one issue naming the values expected. */
function leafCollector(ctx: ModuleContext): string[] {
  const body = ctx.model.body;
  const expected =
    body.kind === "enum"
      ? body.members.map((member) => JSON.stringify(member.value)).join(" | ") + (body.open ? ` | ${typeof body.members[0]?.value}` : "")
      : ctx.names.type;
  return [`if (!${ctx.names.is}(value)) ${runtime(ctx, "pushIssue")}(issues, path, ${stringLiteral(expected)}, value);`];
}
