/**
 * The four validator functions every model module exports, around the guard and collector
 * bodies its kind writes: `isX` allocates nothing; `collectXIssues` walks a value that
 * failed it and records every issue with its path; `validateX` and `assertX` run the guard
 * first, so valid input never pays for paths.
 */
import type { StatementStructures } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import { runtime, runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";

/** What a model's kind writes into its validators: the statements of `isX` and of `collectXIssues`. */
export interface ValidatorBodies {
  guard: string[];
  collector: string[];
}

/** `isX`, `collectXIssues`, `validateX` and `assertX` for the module's model. */
export function validatorStructures(ctx: ModuleContext, bodies: ValidatorBodies): StatementStructures[] {
  const { type } = ctx.names;
  const [pathSegment, issue] = [runtimeType(ctx, "PathSegment"), runtimeType(ctx, "ValidationIssue")];
  return [
    {
      kind: StructureKind.Function,
      name: ctx.names.is,
      isExported: true,
      docs: [`Whether \`value\` is valid as {@link ${type}}; allocates nothing.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${type}`,
      statements: bodies.guard,
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
      statements: bodies.collector,
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
