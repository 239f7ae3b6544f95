/**
 * The object model's guard and issue collector. Both walk the fields in one pass with
 * plain loops (no callbacks, nothing allocated); the collector checks each part with the
 * guard first and builds a path only for a part that fails.
 */
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import { describeType } from "../ir/examples.js";
import type { ResolvedField, ResolvedObjectModel, ResolvedType } from "../ir/types.js";
import { refName, runtime, runtimeLocal, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { fieldAccess, needsOwnField } from "./naming.js";
import { collectStatement, guardExpr, isLeaf, negate } from "./validators.js";

/** The body of `isX`: `return false` at the first field that does not fit. */
export function objectGuard(body: ResolvedObjectModel, ctx: ModuleContext): string[] {
  const lines = [`if (!${runtime(ctx, "isObject")}(value)) return false;`];
  if (ctx.options.unknownProperties === "reject") {
    lines.push(`if (!${runtime(ctx, "hasOnlyKeys")}(value, ${knownKeys(body, ctx)})) return false;`);
  }
  const locals = new Set<string>();
  for (const field of body.fields) lines.push(...usingOwnField(field, ctx, fieldGuard(field, ctx, locals)));
  lines.push("return true;");
  return lines;
}

/** The body of `collectXIssues`: every issue, each with its path. */
export function objectCollector(body: ResolvedObjectModel, ctx: ModuleContext): string[] {
  const lines = [
    `if (!${runtime(ctx, "isObject")}(value)) {`,
    `${runtime(ctx, "pushIssue")}(issues, path, ${stringLiteral(`${ctx.names.type} object`)}, value);`,
    "return;",
    "}",
  ];
  if (ctx.options.unknownProperties === "reject") {
    lines.push(`${runtime(ctx, "collectUnknownKeys")}(value, path, issues, ${knownKeys(body, ctx)});`);
  }
  const locals = new Set<string>();
  for (const field of body.fields) lines.push(...usingOwnField(field, ctx, fieldCollector(field, ctx, locals)));
  return lines;
}

/** A field read through `ownField` imports it, unless the field needs no check at all. */
function usingOwnField(field: ResolvedField, ctx: ModuleContext, lines: string[]): string[] {
  if (lines.length > 0 && needsOwnField(field.name)) runtime(ctx, "ownField");
  return lines;
}

/** Containers are read into a local once, so the checks below can narrow it. */
function readField(field: ResolvedField, ctx: ModuleContext, locals: Set<string>): { value: string; lines: string[] } {
  const access = fieldAccess("value", field.name, runtimeLocal(ctx, "ownField"));
  if (!needsLocal(field.type)) return { value: access, lines: [] };
  const base = `$${field.name.replace(/[^\w$]/g, "_")}`;
  let local = base;
  for (let n = 2; locals.has(local); n++) local = `${base}${n}`;
  locals.add(local);
  return { value: local, lines: [`const ${local} = ${access};`] };
}

function needsLocal(type: ResolvedType): boolean {
  return type.kind === "array" || type.kind === "record";
}

/** The test that a field is there to be checked: defined, and not an allowed null. */
function presence(field: ResolvedField, value: string): string | undefined {
  if (field.required) return field.nullable ? `${value} !== null` : undefined;
  return field.nullable ? `${value} != null` : `${value} !== undefined`;
}

function fieldGuard(field: ResolvedField, ctx: ModuleContext, locals: Set<string>): string[] {
  const { value, lines } = readField(field, ctx, locals);
  const checks = typeChecks(field.type, value, ctx, 0);
  if (checks.length === 0) return field.required ? [`if (${value} === undefined) return false;`] : [];
  // A required field that is undefined fails every check, so it needs no test of its own.
  const when = presence(field, value);
  if (when === undefined) return [...lines, ...checks];
  if (checks.length === 1) return [...lines, checks[0]!.replace(/^if \(/, `if (${when} && `)];
  return [...lines, `if (${when}) {`, ...checks, "}"];
}

/** Statements that `return false` unless `value` has `type`. */
function typeChecks(type: ResolvedType, value: string, ctx: ModuleContext, depth: number): string[] {
  const index = depth === 0 ? "i" : `i${depth + 1}`;
  const key = depth === 0 ? "key" : `key${depth + 1}`;
  switch (type.kind) {
    case "array": {
      const element = guardExpr(type.element, `${value}[${index}]`, ctx);
      const loop = `for (let ${index} = 0; ${index} < ${value}.length; ${index}++) if (${negate(element)}) return false;`;
      // Elements of type `unknown` need no loop.
      return [`if (!Array.isArray(${value})) return false;`, ...(element === "true" ? [] : [loop])];
    }
    case "record": {
      const item = guardExpr(type.value, `${value}[${key}]`, ctx);
      // Own keys only, as the runtime's isRecordOf reads a record: an inherited key is no value of it.
      const loop = `for (const ${key} in ${value}) { if (${runtime(ctx, "hasOwn")}(${value}, ${key}) && ${negate(item)}) return false; }`;
      return [`if (!${runtime(ctx, "isObject")}(${value})) return false;`, ...(item === "true" ? [] : [loop])];
    }
    default: {
      const guard = guardExpr(type, value, ctx);
      return guard === "true" ? [] : [`if (${negate(guard)}) return false;`];
    }
  }
}

function fieldCollector(field: ResolvedField, ctx: ModuleContext, locals: Set<string>): string[] {
  if (isLeaf(field.type)) return [leafFieldCollector(field, ctx)];
  const { value, lines } = readField(field, ctx, locals);
  const segments = [stringLiteral(field.name)];
  const expected = describeType(field.type) + (field.nullable ? " | null" : "");
  const checks = typeCollector(field.type, value, segments, expected, ctx, 0);
  if (field.required) {
    const missing = `${runtime(ctx, "pushMissing")}(issues, ${pathOf(segments)}, ${stringLiteral(expected)});`;
    if (checks.length === 0) return [`if (${value} === undefined) ${missing}`];
    const when = presence(field, value);
    const rest = when === undefined ? block(checks) : [`if (${when}) {`, ...checks, "}"];
    return [...lines, `if (${value} === undefined) ${missing}`, "else", ...rest];
  }
  if (checks.length === 0) return [];
  const when = presence(field, value)!;
  if (checks.length === 1 && checks[0]!.startsWith("if (")) return [...lines, checks[0]!.replace(/^if \(/, `if (${when} && `)];
  return [...lines, `if (${when}) {`, ...checks, "}"];
}

/** A field of a leaf type is one statement: where its guard fails, the runtime records it as missing or as one issue. */
function leafFieldCollector(field: ResolvedField, ctx: ModuleContext): string {
  const value = fieldAccess("value", field.name, runtimeLocal(ctx, "ownField"));
  const expected = describeType(field.type) + (field.nullable ? " | null" : "");
  const failed = negate(guardExpr(field.type, value, ctx));
  const when = presence(field, value);
  const record = `${runtime(ctx, "collectFieldIssues")}(${value}, path, ${stringLiteral(field.name)}, issues, ${stringLiteral(expected)});`;
  return `if (${when === undefined ? failed : `${when} && ${failed}`}) ${record}`;
}

function block(statements: string[]): string[] {
  return statements.length === 1 ? statements : ["{", ...statements, "}"];
}

/** `[...path, "items", i]`: built only where an issue is recorded. */
function pathOf(segments: readonly string[]): string {
  return `[...path, ${segments.join(", ")}]`;
}

/** Statements that record the issues of `value` (at `segments` below `path`), guard first. */
function typeCollector(
  type: ResolvedType,
  value: string,
  segments: readonly string[],
  expected: string,
  ctx: ModuleContext,
  depth: number,
): string[] {
  const path = pathOf(segments);
  const push = (what: string) => `${runtime(ctx, "pushIssue")}(issues, ${path}, ${stringLiteral(what)}, ${value});`;
  switch (type.kind) {
    case "unknown":
    case "external":
      return [];
    case "ref":
      return [`if (!${refName(ctx, type.target, "is")}(${value})) ${refName(ctx, type.target, "collect")}(${value}, ${path}, issues);`];
    case "array": {
      const [index, item] = [depth === 0 ? "i" : `i${depth + 1}`, depth === 0 ? "item" : `item${depth + 1}`];
      const inner = typeCollector(type.element, item, [...segments, index], describeType(type.element), ctx, depth + 1);
      if (inner.length === 0) return [`if (!Array.isArray(${value})) ${push(expected)}`];
      return [
        `if (!Array.isArray(${value})) ${push(expected)}`,
        `else for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
        `const ${item}: unknown = ${value}[${index}];`,
        ...inner,
        "}",
      ];
    }
    case "record": {
      const [key, item] = [depth === 0 ? "key" : `key${depth + 1}`, depth === 0 ? "item" : `item${depth + 1}`];
      const inner = typeCollector(type.value, item, [...segments, key], describeType(type.value), ctx, depth + 1);
      if (inner.length === 0) return [`if (!${runtime(ctx, "isObject")}(${value})) ${push(expected)}`];
      return [
        `if (!${runtime(ctx, "isObject")}(${value})) ${push(expected)}`,
        `else for (const ${key} of Object.keys(${value})) {`,
        `const ${item}: unknown = ${value}[${key}];`,
        ...inner,
        "}",
      ];
    }
    case "union":
      if (!type.members.every(isLeaf)) {
        return [`if (${negate(guardExpr(type, value, ctx))}) ${collectStatement(type, value, path, ctx)}`];
      }
      return [`if (${negate(guardExpr(type, value, ctx))}) ${push(expected)}`];
    default:
      return [`if (${negate(guardExpr(type, value, ctx))}) ${push(expected)}`];
  }
}

/** A module-level set of the model's field names, for rejecting unknown properties. */
function knownKeys(body: ResolvedObjectModel, ctx: ModuleContext): string {
  const name = `${ctx.names.type.charAt(0).toLowerCase()}${ctx.names.type.slice(1)}Keys`;
  ctx.constants.set(name, {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      { name, type: "ReadonlySet<string>", initializer: `new Set([${body.fields.map((field) => stringLiteral(field.name)).join(", ")}])` },
    ],
  });
  return name;
}
