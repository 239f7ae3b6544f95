/**
 * Union models: a union type; a guard and a collector that switch on the discriminator (a
 * required literal field every object member has with its own value) where there is one.
 */
import type { StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import { findDiscriminator } from "../../ir/discriminator.js";
import { describeType } from "../../ir/examples.js";
import type { ResolvedType, ResolvedUnionModel } from "../../ir/types.js";
import { unionCodecExpr } from "../code/codec.js";
import { collectStatement, objectIssuesCall, unionIssuesCall } from "../code/collect.js";
import { anyOf, isAlwaysTrue, render } from "../code/condition.js";
import { guardCondition } from "../code/guard.js";
import { literalText } from "../code/literal.js";
import { typeText } from "../code/type-text.js";
import { notOwnObject, runtime, type ModuleContext } from "../context.js";
import { stringLiteral } from "../escape.js";
import { jsDoc } from "../jsdoc.js";
import { fieldAccess, needsOwnField } from "../naming.js";

export function unionDeclarations(body: ResolvedUnionModel, ctx: ModuleContext): StatementStructures[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: ctx.names.type,
      isExported: true,
      docs: jsDoc(ctx.model.description),
      type: body.members.map((member) => typeText(member.type, ctx)).join(" | "),
    },
  ];
}

/** Reads the discriminator field (through `ownField`, imported, when its name is inherited). */
function discriminatorAccess(field: string, ctx: ModuleContext): string {
  return needsOwnField(field) ? fieldAccess("value", field, runtime(ctx, "ownField")) : fieldAccess("value", field);
}

function memberTypes(body: ResolvedUnionModel): ResolvedType[] {
  return body.members.map((member) => member.type);
}

/** The body of `isX`: a `switch` on the discriminator when there is one, else any member. */
export function unionGuard(body: ResolvedUnionModel, ctx: ModuleContext): string[] {
  const members = memberTypes(body);
  const discriminator = findDiscriminator(members, ctx.models);
  if (!discriminator) {
    const conditions = members.map((member) => guardCondition(member, "value", ctx));
    // A union of `unknown` (an empty union page) takes every value; the guard still reads its parameter.
    return [
      `return ${conditions.every(isAlwaysTrue) ? `${runtime(ctx, "isUnknown")}(value)` : render(anyOf(conditions))};`,
    ];
  }
  return [
    `if (${notOwnObject(ctx)}) return false;`,
    `switch (${discriminatorAccess(discriminator.field, ctx)}) {`,
    ...discriminator.cases.map(
      ({ value, member }) => `case ${literalText(value)}: return ${render(guardCondition(member, "value", ctx))};`,
    ),
    "default: return false;",
    "}",
  ];
}

/** The union's codec: made on first use (members may be models that refer back to it), by the discriminator where there is one. */
export function unionCodec(body: ResolvedUnionModel, ctx: ModuleContext): string {
  const { type, wire } = ctx.names;
  const members = memberTypes(body);
  const discriminator = findDiscriminator(members, ctx.models);
  const cases = discriminator?.cases.map(({ value, member }) => `[${literalText(value)}, ${members.indexOf(member)}]`);
  const by = discriminator
    ? `{ field: ${stringLiteral(discriminator.wireField)}, cases: [${cases!.join(", ")}] }`
    : undefined;
  return `${runtime(ctx, "lazyCodec")}<${type}, ${wire}>(() => ${unionCodecExpr(members, ctx, `<${type}, ${wire}>`, by)})`;
}

/**
 * `collectXIssues`, built by the runtime: with a discriminator, the issues of the member it
 * names (`objectIssues` around a switch); without, one issue saying briefly why each member
 * failed (`unionIssues`).
 */
export function unionCollector(body: ResolvedUnionModel, ctx: ModuleContext): string {
  const members = memberTypes(body);
  const expected = stringLiteral(members.map(describeType).join(" | "));
  const discriminator = findDiscriminator(members, ctx.models);
  if (!discriminator) return unionIssuesCall(members, ctx);
  const key = discriminatorAccess(discriminator.field, ctx);
  const values = stringLiteral(discriminator.cases.map(({ value }) => JSON.stringify(value)).join(" | "));
  // The runtime's objectIssues checks that the value is an object, as the members would; the switch picks the one member.
  const walk = [
    "(value, path, issues) => {",
    `switch (${key}) {`,
    ...discriminator.cases.map(
      ({ value, member }) =>
        `case ${literalText(value)}: ${collectStatement(member, "value", "path", ctx) ?? ""} return;`,
    ),
    `default: ${runtime(ctx, "pushIssue")}(issues, ${runtime(ctx, "pathAt")}(path, ${stringLiteral(discriminator.field)}), ${values}, ${key});`,
    "}",
    "}",
  ].join("\n");
  return objectIssuesCall(walk, [`expected: ${expected}`], ctx);
}
