/** Names and paths of generated code: identifiers, property keys, modules, specifiers. */
import { posix } from "node:path";
import type { ModelDoc } from "../ir/types.js";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Keys an object inherits from `Object.prototype`: reading them needs an own-property check. */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The exported names of one model's module. */
export interface ModelNames {
  type: string;
  is: string;
  validate: string;
  assert: string;
  collect: string;
  builder: string;
  example: string;
}

/**
 * Names a model may not take: TypeScript's type keywords and reserved words, and the
 * global types generated code refers to (a model called `Record` would hide `Record<K, V>`).
 */
const RESERVED_TYPE_NAMES = new Set([
  ...["any", "unknown", "never", "void", "undefined", "null", "object", "string", "number", "boolean", "symbol", "bigint"],
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum"],
  ...["export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return"],
  ...["super", "switch", "this", "throw", "true", "try", "typeof", "var", "while", "with", "let", "static", "yield"],
  ...["await", "implements", "interface", "package", "private", "protected", "public", "type", "as", "keyof"],
  ...["Record", "Partial", "Date", "Array", "Object", "Uint8Array", "ReadableStream", "File", "Blob", "Promise"],
]);

/** The TypeScript name of a model: its title as a PascalCase identifier, clear of reserved names. */
export function typeNameOf(model: Pick<ModelDoc, "name">): string {
  const words = model.name.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const base = IDENTIFIER.test(model.name)
    ? model.name
    : words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  if (base === "") return "Model";
  if (!/^[A-Za-z_$]/.test(base)) return `Model${base}`;
  return RESERVED_TYPE_NAMES.has(base) ? `${base.charAt(0).toUpperCase()}${base.slice(1)}Model` : base;
}

/** Every exported name of a model, derived from its type name. */
export function namesOf(model: Pick<ModelDoc, "name">): ModelNames {
  const type = typeNameOf(model);
  const lower = type.charAt(0).toLowerCase() + type.slice(1);
  return {
    type,
    is: `is${type}`,
    validate: `validate${type}`,
    assert: `assert${type}`,
    collect: `collect${type}Issues`,
    builder: `${type}Builder`,
    example: `${lower}Example`,
  };
}

/** A property name as written in a type or object literal: bare when it can be. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A key in an object literal; `__proto__` must be computed or it sets the prototype. */
export function literalKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : propertyKey(name);
}

/** Reads a field of a checked object; inherited names go through the `ownField` helper (named `ownFieldLocal` here). */
export function fieldAccess(objectExpr: string, name: string, ownFieldLocal = "ownField"): string {
  return PROTOTYPE_KEYS.has(name) ? `${ownFieldLocal}(${objectExpr}, ${JSON.stringify(name)})` : `${objectExpr}[${JSON.stringify(name)}]`;
}

/** `true` when reading `name` needs the `ownField` helper. */
export function needsOwnField(name: string): boolean {
  return PROTOTYPE_KEYS.has(name);
}

/** The output module of a doc: same folders, `.ts` instead of `.md`. */
export function modulePathOf(docPath: string): string {
  return docPath.replace(/\.md$/i, "") + ".ts";
}

/** A relative ESM specifier from one output module to another, ending in `.js`. */
export function importSpecifier(fromModule: string, toModule: string): string {
  const relative = posix.relative(posix.dirname(fromModule), toModule).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** The builder setter of a field: its own name, but `setBuild` and `setConstructor` for the builder's own members (as the runtime's `Builder` names them). */
export function builderSetterName(field: string): string {
  return field === "build" || field === "constructor" ? `set${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
}
