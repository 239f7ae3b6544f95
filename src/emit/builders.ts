/**
 * `XBuilder`: a chainable setter per field whose type records the fields set so far, so
 * `build()` without a required field is a compile error; `build()` validates too.
 */
import type { ClassDeclarationStructure, MethodDeclarationStructure, OptionalKind } from "ts-morph";
import { StructureKind } from "../util/ts-morph.js";
import type { Field, ObjectModel } from "../ir/types.js";
import { runtimeType, type ModuleContext } from "./context.js";
import { stringLiteral } from "./escape.js";
import { deprecatedTag, jsDoc } from "./jsdoc.js";
import { propertyKey } from "./naming.js";
import { fieldTypeText } from "./type-text.js";

/** Names the builder class itself uses; a field with one of them gets a `set` prefix. */
const BUILDER_MEMBERS = new Set(["build", "constructor"]);

/** The builder class of an object model. */
export function builderStructure(body: ObjectModel, ctx: ModuleContext): ClassDeclarationStructure {
  const { type, builder, assert } = ctx.names;
  const required = body.fields.filter((field) => field.required).map((field) => stringLiteral(field.name));
  // Built only when needed: asking for a runtime name imports it.
  const missingParameter = () => ({
    name: "_missing",
    isRestParameter: true,
    type: `${runtimeType(ctx, "BuildArgs")}<${required.join(" | ")}, Done>`,
  });
  // A model without fields has nothing to track: `Done` would be an unused type parameter.
  const tracked = body.fields.length > 0;
  const filled = tracked ? `${builder}<keyof ${type}>` : builder;
  return {
    kind: StructureKind.Class,
    name: builder,
    isExported: true,
    docs: jsDoc(`Builds {@link ${type}} values one field at a time; \`build()\` checks the result.`),
    typeParameters: tracked ? [{ name: "Done", constraint: `keyof ${type}`, default: "never" }] : [],
    properties: [{ name: "#fields", type: `Partial<${type}>`, initializer: "{}" }],
    methods: [
      {
        name: "from",
        isStatic: true,
        docs: jsDoc("Starts from a copy of `existing`, to change some fields of it."),
        parameters: [{ name: "existing", type }],
        returnType: filled,
        statements: [`const copy = new ${filled}();`, "copy.#fields = { ...existing };", "return copy;"],
      },
      ...body.fields.map((field) => setter(field, ctx)),
      {
        name: "build",
        docs: jsDoc(`The {@link ${type}} built so far, as a new object; throws a \`ValidationError\` if it is not valid.`),
        parameters: required.length > 0 ? [missingParameter()] : [],
        returnType: type,
        statements: ["const value = { ...this.#fields };", `${assert}(value);`, "return value;"],
      },
    ],
  };
}

function setter(field: Field, ctx: ModuleContext): OptionalKind<MethodDeclarationStructure> {
  const { builder } = ctx.names;
  const key = stringLiteral(field.name);
  const name = BUILDER_MEMBERS.has(field.name) ? `set${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}` : field.name;
  return {
    name: propertyKey(name),
    docs: jsDoc(field.description, field.deprecated ? [deprecatedTag(field)] : []),
    parameters: [{ name: "value", type: fieldTypeText(field, ctx) }],
    returnType: `${builder}<Done | ${key}>`,
    statements: [assignment(field.name, key), `return this as ${builder}<Done | ${key}>;`],
  };
}

/** `this.#fields[key] = value`, except that assigning `__proto__` would set the prototype. */
function assignment(name: string, key: string): string {
  return name === "__proto__"
    ? `Object.defineProperty(this.#fields, ${key}, { value, enumerable: true, writable: true, configurable: true });`
    : `this.#fields[${key}] = value;`;
}
