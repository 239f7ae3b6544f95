/**
 * The TypeScript names of a model and of what its module exports. One rule for every room:
 * the emitters name what they write with it, and the checks that two docs would clash use it.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The exported names of one model's module. */
export interface ModelNames {
  type: string;
  is: string;
  validate: string;
  assert: string;
  collect: string;
  builder: string;
  example: string;
  /** The wire form's type, its codec, and the functions that read and write it. */
  wire: string;
  codec: string;
  parse: string;
  fromJSON: string;
  toWire: string;
  toJSON: string;
  /** The Standard Schema (and JSON Schema) of the wire form. */
  schema: string;
}

/**
 * Names a model may not take: TypeScript's type keywords and reserved words, the names strict
 * mode forbids as bindings (`eval`, `arguments`), and the globals generated code refers to (a
 * model called `Record` would hide `Record<K, V>`, an enum called `JSON` the `JSON` its
 * `…ToJSON` calls, one called `undefined` the value every presence test compares with).
 */
const RESERVED_TYPE_NAMES = new Set([
  ...[
    "any",
    "unknown",
    "never",
    "void",
    "undefined",
    "null",
    "object",
    "string",
    "number",
    "boolean",
    "symbol",
    "bigint",
  ],
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum"],
  ...["export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return"],
  ...["super", "switch", "this", "throw", "true", "try", "typeof", "var", "while", "with", "let", "static", "yield"],
  ...["await", "implements", "interface", "package", "private", "protected", "public", "type", "as", "keyof"],
  ...["Record", "Partial", "Date", "Array", "Object", "Uint8Array", "ReadableStream", "File", "Blob", "Promise"],
  ...[
    "eval",
    "arguments",
    "JSON",
    "Number",
    "String",
    "Boolean",
    "Symbol",
    "BigInt",
    "Math",
    "Reflect",
    "globalThis",
    "NaN",
    "Infinity",
  ],
]);

/** The TypeScript name of a model: its title as a PascalCase identifier, clear of reserved names. */
export function typeNameOf(model: { name: string }): string {
  const words = model.name.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const base = IDENTIFIER.test(model.name)
    ? model.name
    : words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  if (base === "") return "Model";
  if (!/^[A-Za-z_$]/.test(base)) return `Model${base}`;
  return RESERVED_TYPE_NAMES.has(base) ? `${base.charAt(0).toUpperCase()}${base.slice(1)}Model` : base;
}

/** Every exported name of a model, derived from its type name. */
export function namesOf(model: { name: string }): ModelNames {
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
    wire: `${type}Wire`,
    codec: `${type}Codec`,
    parse: `parse${type}`,
    fromJSON: `${lower}FromJSON`,
    toWire: `${lower}ToWire`,
    toJSON: `${lower}ToJSON`,
    schema: `${type}Schema`,
  };
}

/** The builder setter of a field: its own name, but `setBuild`, `setConstructor` and `setThen` for the builder's own members and `then` (as the runtime's `Builder` names them). */
export function builderSetterName(field: string): string {
  return field === "build" || field === "constructor" || field === "then"
    ? `set${field.charAt(0).toUpperCase()}${field.slice(1)}`
    : field;
}

/**
 * A model's names with the nearest folders of its doc path as a prefix (`ErrorsCode` for
 * `errors/code.md`), as few folders as make `free` true; past every folder, `Model` and then
 * a number follow them. For imports that clash with a module's own names and for the barrel.
 */
export function prefixedNames(
  docPath: string,
  names: ModelNames,
  free: (candidate: ModelNames) => boolean,
): ModelNames {
  const folders = docPath
    .split("/")
    .slice(0, -1)
    .map((folder) => folder.charAt(0).toUpperCase() + folder.slice(1).replace(/[^\w$]/g, ""));
  for (let depth = 1; depth <= folders.length; depth++) {
    const candidate = namesOf({ name: `${folders.slice(folders.length - depth).join("")}${names.type}` });
    if (free(candidate)) return candidate;
  }
  for (let n = 1; ; n++) {
    const candidate = namesOf({ name: `${folders.join("")}Model${names.type}${n === 1 ? "" : n}` });
    if (free(candidate)) return candidate;
  }
}
