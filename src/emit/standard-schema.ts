/**
 * `XSchema`: the model's Standard Schema (what tRPC, Hono and other frameworks take), made by
 * the runtime's `modelSchema` around the codec, with the model's JSON Schema inside it.
 */
import type { VariableStatementStructure } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import { refName, runtime, runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { jsDoc } from "./jsdoc.js";
import type { ModuleSchema } from "./plan.js";

/** The module's `XSchema`; `withFile` when the `.schema.json` file beside the module is written too. */
export function schemaStructure(
  ctx: ModuleContext,
  schema: ModuleSchema,
  withFile: boolean,
): VariableStatementStructure {
  const { type, wire, codec, schema: name } = ctx.names;
  const refs = schema.refs.map(([ref, target]) => `${stringLiteral(ref)}: ${refName(ctx, target, "schema")}`);
  const source = [
    `name: ${stringLiteral(type)}`,
    // Compact JSON in a string: smaller than an object literal, and JSON.parse reads it fastest.
    `json: ${stringLiteral(JSON.stringify(schema.document))}`,
    `plain: ${schema.plain}`,
    // A function, so modules that refer to each other may load in any order.
    `refs: () => ({ ${refs.join(", ")} })`,
  ];
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(
      `{@link ${type}} as a Standard Schema (standardschema.dev) of its wire form, for frameworks that take one (tRPC, Hono, TanStack Form): \`validate\` parses as {@link ${ctx.names.parse}} does. Its \`jsonSchema\` gives the JSON Schema${withFile ? `, as the \`${schema.path.split("/").pop()}\` file beside this module does` : ""}.`,
    ),
    declarations: [
      {
        name,
        type: `${runtimeType(ctx, "ModelSchema")}<${type}, ${wire}>`,
        initializer: `/* @__PURE__ */ ${runtime(ctx, "modelSchema")}(${codec}, { ${source.join(", ")} })`,
      },
    ],
  };
}
