/**
 * Issue collectors of types: statements that record the issues of a value at a path, each
 * part checked with its guard first. Knows types, not model kinds.
 */
import { describeType } from "../../ir/examples.js";
import type { ResolvedType } from "../../ir/types.js";
import { isRecursive, refName, runtime, type ModuleContext } from "../context.js";
import { stringLiteral } from "../escape.js";
import { ifThen, negate } from "./condition.js";
import { guardCondition, isLeaf } from "./guard.js";

/** A statement that records the issues of `value` (an expression) at `path`; none for a type with nothing to check. */
export function collectStatement(
  type: ResolvedType,
  value: string,
  path: string,
  ctx: ModuleContext,
): string | undefined {
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
      return ifThen(negate(guardCondition(type, value, ctx)), pushIssue(ctx, path, describeType(type), value));
    case "record":
      return `${runtime(ctx, "collectRecordValues")}(${value}, ${path}, issues, ${stringLiteral(describeType(type))}, ${collectorFunction(type.value, ctx)});`;
    default:
      return ifThen(negate(guardCondition(type, value, ctx)), pushIssue(ctx, path, describeType(type), value));
  }
}

/** An `IssueCollector` for the items of an array or record: a named one where it exists. */
export function collectorFunction(type: ResolvedType, ctx: ModuleContext): string {
  if (type.kind === "ref") return refName(ctx, type.target, "collect");
  const statement = collectStatement(type, "item", "itemPath", ctx);
  return statement === undefined ? runtime(ctx, "collectNothing") : `(item, itemPath, issues) => { ${statement} }`;
}

/** One issue for a value that fits no member, saying briefly why each member failed. */
export function memberIssues(
  members: readonly ResolvedType[],
  value: string,
  path: string,
  ctx: ModuleContext,
): string {
  const expected = stringLiteral(members.map(describeType).join(" | "));
  return `${runtime(ctx, "collectUnionIssues")}(${value}, ${path}, issues, ${expected}, ${namedCollectors(members, ctx)});`;
}

/** `[["string", collector], …]`: each member's description and collector, as `collectUnionIssues` takes them. */
function namedCollectors(members: readonly ResolvedType[], ctx: ModuleContext): string {
  const named = members.map((member) => `[${stringLiteral(describeType(member))}, ${collectorFunction(member, ctx)}]`);
  return `[${named.join(", ")}]`;
}

/**
 * `collectXIssues` of a union model no field tells apart, as the runtime's `unionIssues`: the
 * members listed on first use (a member may be a model whose module imports this one).
 */
export function unionIssuesCall(members: readonly ResolvedType[], ctx: ModuleContext): string {
  const expected = stringLiteral(members.map(describeType).join(" | "));
  return `/* @__PURE__ */ ${runtime(ctx, "unionIssues")}(${stringLiteral(ctx.names.type)}, ${expected}, () => ${namedCollectors(members, ctx)}${collectorOptions([], ctx)})`;
}

/** `pushIssue(issues, path, "expected", value);` */
export function pushIssue(ctx: ModuleContext, path: string, expected: string, value: string): string {
  return `${runtime(ctx, "pushIssue")}(issues, ${path}, ${stringLiteral(expected)}, ${value});`;
}

/**
 * `collectXIssues` as the runtime's `objectIssues` around `walk` (a function expression over
 * `value`, `path` and `issues`): `options` are its option entries (`expected: …`, `keys: …`),
 * and a recursive model also counts its depth.
 */
export function objectIssuesCall(walk: string, options: readonly string[], ctx: ModuleContext): string {
  return `/* @__PURE__ */ ${runtime(ctx, "objectIssues")}(${stringLiteral(ctx.names.type)}, ${walk}${collectorOptions(options, ctx)})`;
}

/** The options argument of `objectIssues` and `unionIssues` (`, { …, recursive: true }`), or nothing when there are none. */
function collectorOptions(options: readonly string[], ctx: ModuleContext): string {
  const all = [...options, ...(isRecursive(ctx) ? ["recursive: true"] : [])];
  return all.length > 0 ? `, { ${all.join(", ")} }` : "";
}
