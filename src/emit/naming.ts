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

/** The TypeScript name of a model: its title as a PascalCase identifier. */
export function typeNameOf(model: Pick<ModelDoc, "name">): string {
  if (IDENTIFIER.test(model.name)) return model.name;
  const words = model.name.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return /^[A-Za-z_$]/.test(joined) ? joined : `Model${joined}`;
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

/** Reads a field of a checked object; inherited names go through `ownField`. */
export function fieldAccess(objectExpr: string, name: string): string {
  return PROTOTYPE_KEYS.has(name) ? `ownField(${objectExpr}, ${JSON.stringify(name)})` : `${objectExpr}[${JSON.stringify(name)}]`;
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
