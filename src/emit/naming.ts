/** Names and paths of generated code: identifiers, property keys, modules, specifiers. */
import { posix } from "node:path";
import { stringLiteral } from "./escape.js";
import { withoutDocExtension } from "../shared/doc-files.js";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Keys an object inherits from `Object.prototype`: reading them needs an own-property check. */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A property name as written in a type or object literal: bare when it can be. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** A key in an object literal; `__proto__` must be computed or it sets the prototype. */
export function literalKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : propertyKey(name);
}

/** Reads a field of a checked object; inherited names go through the `ownField` helper (named `ownFieldLocal` here). */
export function fieldAccess(objectExpr: string, name: string, ownFieldLocal = "ownField"): string {
  return PROTOTYPE_KEYS.has(name)
    ? `${ownFieldLocal}(${objectExpr}, ${stringLiteral(name)})`
    : `${objectExpr}[${stringLiteral(name)}]`;
}

/** `true` when reading `name` needs the `ownField` helper. */
export function needsOwnField(name: string): boolean {
  return PROTOTYPE_KEYS.has(name);
}

/** The output module of a doc: same folders, `.ts` instead of `.md`. */
export function modulePathOf(docPath: string): string {
  return withoutDocExtension(docPath) + ".ts";
}

/** A relative ESM specifier from one output module to another, ending in `.js`. */
export function importSpecifier(fromModule: string, toModule: string): string {
  const relative = posix.relative(posix.dirname(fromModule), toModule).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}
