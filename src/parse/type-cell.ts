/**
 * The Type-cell grammar. A cell is mdast (emphasis, links, text, the html nodes that
 * `<Uint8Array>` becomes); it is flattened into tokens, then read by recursive descent:
 *
 *   union   := postfix ("|" postfix)*
 *   postfix := primary ("[" "]")*
 *   primary := LINK | STRING | NUMBER | NAME ("<" union ("," union)* ">")? | "(" union ")"
 *            | "{" "[" NAME ":" NAME "]" ":" union "}"          (an index signature: a Record)
 */
import type { PhrasingContent } from "mdast";
import { toString } from "./markdown-stack.js";
import type { Point, TypeExpr } from "../ir/types.js";

export type Token =
  | { kind: "name"; text: string; at: Point }
  | { kind: "string"; value: string; at: Point }
  | { kind: "number"; value: number; at: Point }
  | { kind: "link"; text: string; href: string; at: Point }
  | { kind: "punct"; text: Punct; at: Point };

type Punct = "<" | ">" | "," | "[" | "]" | "|" | "(" | ")" | "{" | "}" | ":" | ";";

/** A Type cell that could not be read: what was wrong, and where. */
export interface TypeCellError {
  reason: string;
  at: Point;
}

export type TypeCellResult = { ok: true; type: TypeExpr } | { ok: false; error: TypeCellError };

const PUNCT = new Set<string>(["<", ">", ",", "[", "]", "|", "(", ")", "{", "}", ":", ";"]);
const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[\w$.]/;

/**
 * Flattens the cell's mdast into tokens; emphasis and code are presentation only. With
 * the doc's `source`, text is scanned as written so columns count escapes like `\|`.
 */
export function tokenizeCell(nodes: readonly PhrasingContent[], fallback: Point, source?: string): Token[] | TypeCellError {
  const tokens: Token[] = [];
  for (const node of nodes) {
    const at = node.position?.start ?? fallback;
    if (node.type === "link") {
      tokens.push({ kind: "link", text: toString(node).trim(), href: node.url, at });
    } else if (node.type === "text" || node.type === "html" || node.type === "inlineCode") {
      const error = scanText(writtenText(node, source), at, tokens, node.type === "text");
      if (error) return error;
    } else if (isMarkup(node) && source !== undefined && !containsLink(node)) {
      // Scan emphasis as written: `*"__x__"*` holds a literal, not strong emphasis.
      const error = scanText(innerSource(node, source), { line: at.line, column: at.column + delimiterWidth(node) }, tokens);
      if (error) return error;
    } else if ("children" in node) {
      const inner = tokenizeCell(node.children as PhrasingContent[], at, source);
      if (!Array.isArray(inner)) return inner;
      tokens.push(...inner);
    } else {
      return { reason: `a ${node.type} cannot appear in a Type cell`, at };
    }
  }
  return tokens;
}

type Markup = Extract<PhrasingContent, { type: "emphasis" | "strong" | "delete" }>;

function isMarkup(node: PhrasingContent): node is Markup {
  return node.type === "emphasis" || node.type === "strong" || node.type === "delete";
}

function containsLink(node: PhrasingContent): boolean {
  return node.type === "link" || ("children" in node && (node.children as PhrasingContent[]).some(containsLink));
}

/** `*x*` and `_x_` have 1-character delimiters, `**x**` and `~~x~~` 2. */
function delimiterWidth(node: Markup): number {
  return node.type === "emphasis" ? 1 : 2;
}

/** The source between a markup node's delimiters. */
function innerSource(node: Markup, source: string): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return "";
  const width = delimiterWidth(node);
  return source.slice(start.offset + width, end.offset - width);
}

/** The node's text as written in the source when known, else its parsed value. */
function writtenText(node: PhrasingContent & { value: string }, source: string | undefined): string {
  const { start, end } = node.position ?? {};
  if (source === undefined || start?.offset === undefined || end?.offset === undefined || start.line !== end.line) {
    return node.value;
  }
  return source.slice(start.offset, end.offset);
}

/**
 * Whether a decimal literal's number is the one written: always so up to 15 significant
 * digits (what a double holds exactly); past that only if it prints back as written.
 */
function exactNumber(text: string, value: number): boolean {
  const significant = text.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  if (significant.length <= 15) return true;
  return String(value) === text.replace(/^(-?)0+(?=\d)/, "$1");
}

/**
 * Scans plain text into tokens, tracking columns so errors point at the character. In a
 * text node (`bare`), a `*` that markdown left unpaired is an unclosed emphasis.
 */
function scanText(text: string, start: Point, out: Token[], bare = false): TypeCellError | undefined {
  let i = 0;
  const at = (index: number): Point => ({ line: start.line, column: start.column + index });
  while (i < text.length) {
    const char = text[i]!;
    if (bare && char === "*") {
      return { reason: `unclosed emphasis "${char}"; close it, e.g. *string*`, at: at(i) };
    }
    if (/\s/.test(char) || char === "\\" || char === "*" || char === "`") {
      i += 1; // whitespace, the table's `\|` escape, stray emphasis or code marks
    } else if (PUNCT.has(char)) {
      out.push({ kind: "punct", text: char as Punct, at: at(i) });
      i += 1;
    } else if (char === '"' || char === "'") {
      const end = text.indexOf(char, i + 1);
      if (end < 0) return { reason: `unclosed string literal ${text.slice(i)}`, at: at(i) };
      out.push({ kind: "string", value: text.slice(i + 1, end), at: at(i) });
      i = end + 1;
    } else if (/[-\d]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!match) return { reason: `unexpected "${char}"`, at: at(i) };
      const value = Number(match[0]);
      if (!exactNumber(match[0], value)) {
        return { reason: `the number ${match[0]} cannot be held exactly by a JavaScript number (it would be ${String(value)}); write it as a string literal`, at: at(i) };
      }
      out.push({ kind: "number", value, at: at(i) });
      i += match[0].length;
    } else if (NAME_START.test(char)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end += 1;
      out.push({ kind: "name", text: text.slice(i, end), at: at(i) });
      i = end;
    } else {
      return { reason: `unexpected "${char}"`, at: at(i) };
    }
  }
  return undefined;
}

/** Parses a Type cell's mdast children into a type expression. */
export function parseTypeCell(nodes: readonly PhrasingContent[], fallback: Point, source?: string): TypeCellResult {
  const tokens = tokenizeCell(nodes, fallback, source);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  return parseTokens(tokens, fallback);
}

/** Parses a token list (also used for `typescript` blocks of enum values). */
export function parseTokens(tokens: readonly Token[], fallback: Point): TypeCellResult {
  if (tokens.length === 0) return { ok: false, error: { reason: "the Type cell is empty", at: fallback } };
  const parser = new TypeParser(tokens, fallback);
  try {
    const type = parser.union();
    parser.expectEnd();
    return { ok: true, type };
  } catch (error) {
    if (error instanceof TypeSyntaxError) return { ok: false, error: { reason: error.message, at: error.at } };
    throw error;
  }
}

class TypeSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: Point,
  ) {
    super(message);
  }
}

/** How deeply a type cell's types may nest (the deepest in real docs is a handful). */
export const MAX_TYPE_DEPTH = 64;

/** Recursive descent over the tokens; one method per grammar rule. */
class TypeParser {
  private index = 0;
  /** How many types the one being read is nested in (arrays, type arguments, parentheses). */
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly fallback: Point,
  ) {}

  union(): TypeExpr {
    this.enter(1);
    const members = [this.postfix()];
    while (this.eat("|")) members.push(this.postfix());
    this.depth -= 1;
    return members.length === 1 ? members[0]! : { kind: "union", members };
  }

  postfix(): TypeExpr {
    let type = this.primary();
    let arrays = 0;
    while (this.peekPunct("[")) {
      this.index += 1;
      this.expect("]");
      type = { kind: "array", element: type };
      arrays += 1;
    }
    this.enter(arrays);
    this.depth -= arrays;
    return type;
  }

  /** Goes `levels` deeper; past `MAX_TYPE_DEPTH` the cell is refused, as every later step would recurse that deep. */
  private enter(levels: number): void {
    this.depth += levels;
    if (this.depth > MAX_TYPE_DEPTH) {
      throw new TypeSyntaxError(`this type nests deeper than ${MAX_TYPE_DEPTH} levels, more than mdmodel reads`, this.tokens[this.index]?.at ?? this.lastPoint());
    }
  }

  primary(): TypeExpr {
    const token = this.next();
    switch (token.kind) {
      case "string":
        return { kind: "literal", value: token.value };
      case "number":
        return { kind: "literal", value: token.value };
      case "link":
        return linkType(token.text, token.href);
      case "name":
        return this.named(token);
      case "punct":
        if (token.text === "(") {
          const inner = this.union();
          this.expect(")");
          return inner;
        }
        if (token.text === "{") return this.indexSignature();
        throw new TypeSyntaxError(`expected a type, found "${token.text}"`, token.at);
    }
  }

  /** `{ [k: string]: T }`, the TypeScript spelling of `Record<string, T>`. */
  private indexSignature(): TypeExpr {
    this.expect("[");
    this.expectName();
    this.expect(":");
    const key = this.expectName();
    if (key.text !== "string") throw new TypeSyntaxError(`an index signature key must be string, found "${key.text}"`, key.at);
    this.expect("]");
    this.expect(":");
    const value = this.union();
    this.eat(";");
    this.expect("}");
    return { kind: "record", value };
  }

  private expectName(): Extract<Token, { kind: "name" }> {
    const token = this.next();
    if (token.kind !== "name") throw new TypeSyntaxError(`expected a name, found ${describe(token)}`, token.at);
    return token;
  }

  private named(token: Extract<Token, { kind: "name" }>): TypeExpr {
    const args: TypeExpr[] = [];
    if (this.eat("<")) {
      do args.push(this.union());
      while (this.eat(","));
      this.expect(">");
    }
    const type = namedType(token.text, args);
    if (type === undefined) {
      if (BUILTIN_GENERICS.has(token.text) || SIMPLE_NAMES.has(token.text)) {
        throw new TypeSyntaxError(`"${token.text}" does not take ${args.length} type argument(s)`, token.at);
      }
      // A generic the format does not define, such as `EventStream<T>`: an outside type.
      return { kind: "external", name: `${token.text}<${args.map(typeName).join(", ")}>` };
    }
    return type;
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw new TypeSyntaxError(`unexpected ${describe(token)} after the type`, token.at);
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new TypeSyntaxError("the type ends too early", this.lastPoint());
    this.index += 1;
    return token;
  }

  private peekPunct(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === "punct" && token.text === text;
  }

  private eat(text: string): boolean {
    if (!this.peekPunct(text)) return false;
    this.index += 1;
    return true;
  }

  private expect(text: string): void {
    const token = this.tokens[this.index];
    if (!this.eat(text)) {
      const found = token ? describe(token) : "the end of the cell";
      throw new TypeSyntaxError(`expected "${text}", found ${found}`, token?.at ?? this.lastPoint());
    }
  }

  private lastPoint(): Point {
    return this.tokens[this.tokens.length - 1]?.at ?? this.fallback;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "name":
    case "punct":
      return `"${token.text}"`;
    case "link":
      return `the link [${token.text}]`;
    case "string":
      return `the string "${token.value}"`;
    case "number":
      return `the number ${token.value}`;
  }
}

/** Names the doc format defines; anything else is a model reference. */
function namedType(name: string, args: readonly TypeExpr[]): TypeExpr | undefined {
  if (args.length === 0) {
    const simple = SIMPLE_NAMES.get(name);
    if (simple) return simple;
    return { kind: "ref", name };
  }
  if (name === "Record" && args.length === 2 && args[0]!.kind === "string") return { kind: "record", value: args[1]! };
  if (name === "Array" && args.length === 1) return { kind: "array", element: args[0]! };
  if (name === "ReadableStream" && args.length === 1 && isUint8Array(args[0]!)) {
    return { kind: "platform", name: "ReadableStream<Uint8Array>" };
  }
  return undefined;
}

const BUILTIN_GENERICS = new Set(["Record", "Array", "ReadableStream", "Map", "Set", "Promise"]);

/** A type written back as text, for naming outside types. */
function typeName(type: TypeExpr): string {
  switch (type.kind) {
    case "ref":
    case "external":
      return type.name;
    case "platform":
      return type.name;
    case "literal":
      return JSON.stringify(type.value);
    case "array":
      return `${typeName(type.element)}[]`;
    case "record":
      return `Record<string, ${typeName(type.value)}>`;
    case "union":
      return type.members.map(typeName).join(" | ");
    case "date":
      return "Date";
    case "rfcDate":
      return "RFCDate";
    default:
      return type.kind;
  }
}

function isUint8Array(type: TypeExpr): boolean {
  return type.kind === "platform" && type.name === "Uint8Array";
}

const SIMPLE_NAMES: ReadonlyMap<string, TypeExpr> = new Map(Object.entries({
  string: { kind: "string" },
  number: { kind: "number" },
  integer: { kind: "number" },
  boolean: { kind: "boolean" },
  any: { kind: "unknown" },
  unknown: { kind: "unknown" },
  null: { kind: "null" },
  true: { kind: "literal", value: true },
  false: { kind: "literal", value: false },
  Date: { kind: "date" },
  RFCDate: { kind: "rfcDate" },
  Uint8Array: { kind: "platform", name: "Uint8Array" },
  File: { kind: "platform", name: "File" },
  Blob: { kind: "platform", name: "Blob" },
} satisfies Record<string, TypeExpr>));

/** A link names a built-in (`[Date](…)`), another doc (`…/foo.md`) or an outside type. */
function linkType(text: string, href: string): TypeExpr {
  const builtin = SIMPLE_NAMES.get(text);
  if (builtin) return builtin;
  if (isDocLink(href)) return { kind: "ref", name: text, href };
  return { kind: "external", name: text, href };
}

/** A relative link to a markdown page, i.e. another doc of the same tree. */
export function isDocLink(href: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(href) && /\.md(#.*)?$/i.test(href);
}
