/**
 * `XBuilder`: a class made by the runtime's `builderClass`, with a chainable setter per
 * field whose type records the fields set so far, so `build()` without a required field
 * is a compile error; `build()` validates too. The setters' types come from the model's
 * own type (the runtime's `Builder`), so each module declares the builder in two lines
 * instead of a method per field, and editors still show each field's doc on its setter.
 */
import type { TypeAliasDeclarationStructure, VariableStatementStructure } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { ResolvedObjectModel } from "../ir/types.js";
import { runtime, runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { jsDoc } from "./jsdoc.js";

/** The builder of an object model: a type (the builder after some fields are set) and its class. */
export function builderStructures(body: ResolvedObjectModel, ctx: ModuleContext): [TypeAliasDeclarationStructure, VariableStatementStructure] {
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
          initializer: `${runtime(ctx, "builderClass")}(${stringLiteral(builder)}, ${fields}, ${assert})`,
        },
      ],
    },
  ];
}
