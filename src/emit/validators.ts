/**
 * The four validator functions every model module exports, around the guard and collector
 * bodies its kind writes: `isX` allocates nothing; `collectXIssues` walks a value that
 * failed it and records every issue with its path; `validateX` and `assertX` run the guard
 * first, so valid input never pays for paths.
 */
import type { FunctionDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import { isRecursive, runtime, runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";

/** What a model's kind writes into its validators: the statements of `isX`, and those of `collectXIssues` or (a string) the expression it is. */
export interface ValidatorBodies {
  guard: string[];
  collector: string[] | string;
  /** The bodies only compare `value` (`===`, `typeof`): no getter or proxy trap can run, so there is nothing to catch. */
  comparesOnly?: boolean;
}

/** `isX`, `collectXIssues`, `validateX` and `assertX` for the module's model. */
export function validatorStructures(ctx: ModuleContext, bodies: ValidatorBodies): StatementStructures[] {
  const { type } = ctx.names;
  return [
    {
      kind: StructureKind.Function,
      name: ctx.names.is,
      isExported: true,
      docs: [`Whether \`value\` is valid as {@link ${type}}; allocates nothing.`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${type}`,
      statements: guarded(ctx, ctx.names.is, bodies.guard, bodies.comparesOnly ? [] : ["} catch {", "return false;"], {
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "boolean",
        call: (walk) => `return ${runtime(ctx, "guardNested")}(value, ${ctx.names.is}, ${walk});`,
      }),
    },
    collectorStructure(ctx, bodies.collector, bodies.comparesOnly === true),
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
      statements: [
        `${runtime(ctx, "assertWith")}(value, ${ctx.names.is}, ${ctx.names.collect}, ${stringLiteral(type)});`,
      ],
    },
  ];
}

/** `collectXIssues`: a function of the kind's statements, or a constant (an object model's walk, wrapped by the runtime's `objectIssues`). */
function collectorStructure(
  ctx: ModuleContext,
  collector: string[] | string,
  comparesOnly: boolean,
): StatementStructures {
  const docs = [`Records every issue of \`value\` as {@link ${ctx.names.type}} under \`path\`. @internal`];
  if (typeof collector === "string") {
    return {
      kind: StructureKind.VariableStatement,
      isExported: true,
      docs,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: ctx.names.collect, type: runtimeType(ctx, "IssueCollector"), initializer: collector }],
    };
  }
  const parameters = [
    { name: "value", type: "unknown" },
    { name: "path", type: `readonly ${runtimeType(ctx, "PathSegment")}[]` },
    { name: "issues", type: `${runtimeType(ctx, "ValidationIssue")}[]` },
  ];
  return {
    kind: StructureKind.Function,
    name: ctx.names.collect,
    isExported: true,
    docs,
    parameters,
    returnType: "void",
    statements: guarded(
      ctx,
      ctx.names.collect,
      collector,
      comparesOnly
        ? []
        : [
            "} catch (error) {",
            `${runtime(ctx, "pushUnreadable")}(issues, path, ${stringLiteral(ctx.names.type)}, error);`,
          ],
      {
        parameters,
        returnType: "void",
        call: (walk) =>
          `${runtime(ctx, "collectNested")}(value, path, issues, ${stringLiteral(ctx.names.type)}, ${ctx.names.collect}, ${walk});`,
      },
    ),
  };
}

/**
 * A walk that answers whatever the value is: a getter or proxy trap that throws is `caught`
 * (a `false`, an issue). A recursive model's walk is a module-level function of its own
 * (`isX$walk`) that the runtime runs one level of nesting deeper, stopping at the depth limit
 * and at a cycle, and walking a value met again (shared, or on a cycle) only once.
 */
function guarded(
  ctx: ModuleContext,
  name: string,
  body: string[],
  caught: string[],
  walk: Required<Pick<FunctionDeclarationStructure, "parameters" | "returnType">> & { call: (walk: string) => string },
): string[] {
  // Nothing caught (a body that only compares): no try.
  const statements = caught.length === 0 ? body : ["try {", ...body, ...caught, "}"];
  if (!isRecursive(ctx)) return statements;
  const walker = `${name}$walk`;
  ctx.helpers.set(`walk ${walker}`, {
    kind: StructureKind.Function,
    name: walker,
    parameters: walk.parameters,
    returnType: walk.returnType,
    statements,
  });
  return [walk.call(walker)];
}
