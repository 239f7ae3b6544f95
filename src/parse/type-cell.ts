/**
 * The Type-cell grammar. A cell is mdast (emphasis, links, text, the html nodes that
 * `<Uint8Array>` becomes); it is flattened into tokens, then read by recursive descent:
 *
 *   union   := prefix ("|" prefix)*
 *   prefix  := "*" prefix | "?" prefix                           (Go pointer, PHP nullable: a wrapper;
 *                                                                `Pointer to` is Go's `*` spelled out)
 *            | "[" "]" prefix | "map" "[" union "]" prefix       (Go slice and map)
 *            | postfix
 *   postfix := primary ("[" "]")* "?"?                          (a hand-written `T?`: may be null)
 *   primary := LINK | STRING | NUMBER | NAME args? | "(" union ")"
 *            | "{" "[" NAME ":" NAME "]" ":" union "}"          (an index signature: a Record)
 *   args    := "<" list ">" | "[" list "]" | "(" list ")"      (TypeScript, Java, C#; Python, Ruby; Sorbet)
 *
 * One grammar reads every dialect; what a name means is the dialect's (`type-names.ts`). A
 * link's text is read with the same grammar, so `[Optional[models.X]](x.md)` is a wrapper
 * around the link. Wrappers (`Optional[…]`, `*T`, `T.nilable(…)`) are facts about the
 * field, not types: at the top of a cell they become its `mark`, deeper they add `null`.
 */
import type { PhrasingContent } from "mdast";
import { toString } from "./markdown-stack.js";
import type { Point, TypeExpr } from "../ir/types.js";
import type { Dialect } from "./dialect.js";
import { genericType, isSdkObject, isKnownGeneric, simpleType, type NullMark } from "./type-names.js";

export type { NullMark };

export type Token =
  /** `href` when the name was written as (part of) a link's text. */
  | { kind: "name"; text: string; at: Point; href?: string }
  | { kind: "string"; value: string; at: Point }
  | { kind: "number"; value: number; at: Point }
  | { kind: "link"; text: string; href: string; at: Point }
  | { kind: "punct"; text: Punct; at: Point };

type Punct = "<" | ">" | "," | "[" | "]" | "|" | "(" | ")" | "{" | "}" | ":" | ";" | "*" | "?";

/** A Type cell that could not be read: what was wrong, and where. */
export interface TypeCellError {
  reason: string;
  at: Point;
}

/**
 * A Type cell as read: its type, the wrapper around it (when there is one), and notes on
 * what was typed `unknown` on purpose (one of the SDK's own objects, such as its HTTP response).
 */
export type TypeCellResult =
  { ok: true; type: TypeExpr; mark?: NullMark; notes: string[] } | { ok: false; error: TypeCellError };

/** `Pointer to **string**`: OpenAPI Generator's Go pages for `*string`. */
const POINTER_TO = /^Pointer to\s+/;

/** The entities a cell's source may write for `<` and `>`. */
const HTML_ENTITY = /^&(lt|gt);/;

const PUNCT = new Set<string>(["<", ">", ",", "[", "]", "|", "(", ")", "{", "}", ":", ";", "?"]);
const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[\w$.]/;

/** How a piece of cell text is scanned. */
interface ScanMode {
  dialect: Dialect;
  /** A text node, where a `*` that markdown left unpaired is an unclosed emphasis (or a Go pointer). */
  bare: boolean;
  /** Inside a link's text, where a Go pointer `*` is written as is. */
  link?: boolean;
  /** A code span (`` `*float64` ``), where a `*` is written as is. */
  code?: boolean;
}

/**
 * Flattens the cell's mdast into tokens; emphasis and code are presentation only. With
 * the doc's `source`, text is scanned as written so columns count escapes like `\|`.
 */
export function tokenizeCell(
  nodes: readonly PhrasingContent[],
  fallback: Point,
  source?: string,
  dialect: Dialect = "typescript",
): Token[] | TypeCellError {
  const tokens: Token[] = [];
  for (const node of nodes) {
    const at = node.position?.start ?? fallback;
    if (node.type === "link") {
      tokens.push(...linkTokens(toString(node).trim(), node.url, at, dialect));
    } else if (node.type === "text" || node.type === "html" || node.type === "inlineCode") {
      const error = scanText(writtenText(node, source), at, tokens, {
        dialect,
        bare: node.type === "text",
        code: node.type === "inlineCode",
      });
      if (error) return error;
    } else if (isMarkup(node) && source !== undefined && !containsLink(node)) {
      // Scan emphasis as written: `*"__x__"*` holds a literal, not strong emphasis.
      const error = scanText(
        innerSource(node, source),
        { line: at.line, column: at.column + delimiterWidth(node) },
        tokens,
        { dialect, bare: false },
      );
      if (error) return error;
    } else if ("children" in node) {
      const inner = tokenizeCell(node.children, at, source, dialect);
      if (!Array.isArray(inner)) return inner;
      tokens.push(...inner);
    } else {
      return { reason: `a ${node.type} cannot appear in a Type cell`, at };
    }
  }
  return tokens;
}

/**
 * A link's text read as a type, its names carrying the link target: `[Optional[models.X]](x.md)`
 * is `Optional` around a link to `x.md`. Text that is no type (`[Some page](x.md)`) stays one
 * link token. When the text names several models (`[T.any(A, B)](u.md)`, PHP's `[A|B|null](u.md)`),
 * the link is to their union's page and each name is looked up by itself.
 */
function linkTokens(text: string, href: string, at: Point, dialect: Dialect): Token[] {
  const inner: Token[] = [];
  const start = { line: at.line, column: at.column + 1 };
  if (
    scanText(text, start, inner, { dialect, bare: false, link: true }) !== undefined ||
    inner.length === 0 ||
    !parseTokens(inner, start, dialect).ok
  ) {
    return [{ kind: "link", text, href, at }];
  }
  const leaves = inner.filter(
    (token, index) =>
      token.kind === "name" &&
      !opensArguments(inner[index + 1], inner[index + 2]) &&
      simpleType(token.text, dialect) === undefined,
  );
  const linked = leaves.length === 1 ? leaves : leaves.length === 0 ? inner : [];
  return inner.map((token) => (token.kind === "name" && linked.includes(token) ? { ...token, href } : token));
}

/** Whether the tokens after a name open its type arguments (`<`, `(`, or a `[` that is no `[]`). */
function opensArguments(next: Token | undefined, after: Token | undefined): boolean {
  if (next?.kind !== "punct") return false;
  if (next.text === "<" || next.text === "(") return true;
  return next.text === "[" && !(after?.kind === "punct" && after.text === "]");
}

type Markup = Extract<PhrasingContent, { type: "emphasis" | "strong" | "delete" }>;

function isMarkup(node: PhrasingContent): node is Markup {
  return node.type === "emphasis" || node.type === "strong" || node.type === "delete";
}

function containsLink(node: PhrasingContent): boolean {
  return node.type === "link" || ("children" in node && node.children.some(containsLink));
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
function scanText(text: string, start: Point, out: Token[], mode: ScanMode): TypeCellError | undefined {
  let i = 0;
  const at = (index: number): Point => ({ line: start.line, column: start.column + index });
  while (i < text.length) {
    const char = text[i]!;
    if (char === "*" && mode.dialect === "go" && (mode.bare || mode.link || mode.code)) {
      out.push({ kind: "punct", text: "*", at: at(i) }); // a Go pointer: `**string*`, `[*components.X](…)`
      i += 1;
      continue;
    }
    if (mode.dialect === "go" && POINTER_TO.test(text.slice(i)) && (i === 0 || /\s/.test(text[i - 1]!))) {
      out.push({ kind: "punct", text: "*", at: at(i) }); // OpenAPI Generator's Go pages spell a pointer out
      i += POINTER_TO.exec(text.slice(i))![0].length;
      continue;
    }
    const entity = HTML_ENTITY.exec(text.slice(i, i + 6));
    if (entity) {
      out.push({ kind: "punct", text: entity[1] === "lt" ? "<" : ">", at: at(i) }); // OpenAPI Generator writes `Array&lt;X&gt;`
      i += entity[0].length;
      continue;
    }
    if (mode.bare && char === "*") {
      return { reason: `unclosed emphasis "${char}"; close it, e.g. *string*`, at: at(i) };
    }
    if (startsName(text, i)) {
      const end = nameEnd(text, i);
      // `Default\_`: markdown's escaped underscore is an underscore of the name.
      out.push({ kind: "name", text: text.slice(i, end).replace(/\\(?=_)/g, ""), at: at(i) });
      i = end;
    } else if (/\s/.test(char) || char === "\\" || char === "*" || char === "`") {
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
        return {
          reason: `the number ${match[0]} cannot be held exactly by a JavaScript number (it would be ${String(value)}); write it as a string literal`,
          at: at(i),
        };
      }
      out.push({ kind: "number", value, at: at(i) });
      i += match[0].length;
    } else {
      return { reason: `unexpected "${char}"`, at: at(i) };
    }
  }
  return undefined;
}

/**
 * Where a name starts: a letter, `_` or `$`; Ruby's `::String` (a root); PHP's `\DateTime`
 * (a root, where `\|` and `\<` are markdown escapes).
 */
function startsName(text: string, i: number): boolean {
  const char = text[i]!;
  if (NAME_START.test(char)) return true;
  const next = text[i + 1] ?? "";
  if (char === ":" && next === ":") return NAME_START.test(text[i + 2] ?? "");
  return char === "\\" && NAME_START.test(next);
}

/** Where a name that starts at `i` ends: namespaces join with `.`, `::` (Ruby) and `\` (PHP). */
function nameEnd(text: string, i: number): number {
  let end = text[i] === ":" ? i + 2 : i + 1;
  for (;;) {
    if (text.startsWith("{}", end) && text.slice(i, end).endsWith("interface")) return end + 2; // Go's `interface{}`
    if (end < text.length && NAME_PART.test(text[end]!)) end += 1;
    else if (text.startsWith("::", end) && NAME_START.test(text[end + 2] ?? "")) end += 2;
    else if (text[end] === "\\" && NAME_START.test(text[end + 1] ?? "")) end += text[end + 1] === "_" ? 2 : 1;
    else if (text[end] === "-" && /[A-Za-z]/.test(text[end + 1] ?? ""))
      end += 1; // `date-time`, a hand-written page's format name
    else return end;
  }
}

/**
 * Names a doc family gives its own meaning, read before the dialect's (OpenAPI Generator's
 * Python `datetime` is a date-time, where Speakeasy's Python pages write it for a date): a
 * type, or another name it stands for (Ruby's `Hash` for `Map`).
 */
export type TypeNameOverrides = ReadonlyMap<string, TypeExpr | string>;

/** Parses a Type cell's mdast children into a type expression. */
export function parseTypeCell(
  nodes: readonly PhrasingContent[],
  fallback: Point,
  source?: string,
  dialect: Dialect = "typescript",
  names?: TypeNameOverrides,
): TypeCellResult {
  const tokens = tokenizeCell(nodes, fallback, source, dialect);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  return parseTokens(tokens, fallback, dialect, names);
}

/** Parses a token list (also used for `typescript` blocks of enum values). */
export function parseTokens(
  tokens: readonly Token[],
  fallback: Point,
  dialect: Dialect = "typescript",
  names?: TypeNameOverrides,
): TypeCellResult {
  if (tokens.length === 0) return { ok: false, error: { reason: "the Type cell is empty", at: fallback } };
  const parser = new TypeParser(tokens, fallback, dialect, names);
  try {
    const type = parser.union();
    parser.expectEnd();
    return { ok: true, ...parser.finish(type) };
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

/** A wrapper read but not yet placed: at the top of the cell it is the field's mark, deeper a `null` member. */
interface Wrapper {
  mark: NullMark;
  inner: TypeExpr;
}

/** Recursive descent over the tokens; one method per grammar rule. */
class TypeParser {
  private index = 0;
  /** How many types the one being read is nested in (arrays, type arguments, parentheses). */
  private depth = 0;
  /** Placeholders for wrappers, by identity, until `finish` knows where each sits. */
  private readonly wrappers = new Map<TypeExpr, Wrapper>();
  private readonly notes: string[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly fallback: Point,
    private readonly dialect: Dialect,
    private readonly names?: TypeNameOverrides,
  ) {}

  union(): TypeExpr {
    this.enter(1);
    const members = [this.prefix()];
    while (this.eat("|")) members.push(this.prefix());
    this.depth -= 1;
    return members.length === 1 ? members[0]! : { kind: "union", members };
  }

  /** Go's `*T`, `[]T` and `map[string]T`, PHP's `?T`; else a postfix type. */
  prefix(): TypeExpr {
    const token = this.tokens[this.index];
    if (token?.kind === "punct" && (token.text === "*" || token.text === "?")) {
      this.index += 1;
      return this.nested(() => this.wrapped("maybe", this.prefix()));
    }
    if (token?.kind === "punct" && token.text === "[" && this.isPunct(this.index + 1, "]")) {
      this.index += 2;
      if (this.isByte(this.index)) {
        this.index += 1;
        return { kind: "platform", name: "Uint8Array" }; // `[]byte`
      }
      return this.nested(() => ({ kind: "array", element: this.prefix() }));
    }
    if (token?.kind === "name" && token.text === "map" && this.isPunct(this.index + 1, "[")) {
      this.index += 2;
      const key = this.union();
      this.expect("]");
      if (key.kind !== "string")
        throw new TypeSyntaxError(`a map key must be string, as JSON's are; found ${typeName(key)}`, token.at);
      return this.nested(() => ({ kind: "record", value: this.prefix() }));
    }
    return this.postfix();
  }

  postfix(): TypeExpr {
    const byte = this.isByte(this.index) && this.isPunct(this.index + 1, "[") && this.isPunct(this.index + 2, "]");
    if (byte) {
      this.index += 3; // Java's and C#'s `byte[]`
      return this.postfixArrays({ kind: "platform", name: "Uint8Array" });
    }
    const type = this.postfixArrays(this.primary());
    // `T?`, as hand-written pages (and C#, Kotlin, Swift) mark a type that may be null.
    return this.eat("?") ? this.wrapped("null", type) : type;
  }

  private postfixArrays(start: TypeExpr): TypeExpr {
    let type = start;
    let arrays = 0;
    while (this.peekPunct("[") && this.isPunct(this.index + 1, "]")) {
      this.index += 2;
      type = { kind: "array", element: type };
      arrays += 1;
    }
    this.enter(arrays);
    this.depth -= arrays;
    return type;
  }

  /** Reads one level deeper. */
  private nested(read: () => TypeExpr): TypeExpr {
    this.enter(1);
    const type = read();
    this.depth -= 1;
    return type;
  }

  private isPunct(index: number, text: string): boolean {
    const token = this.tokens[index];
    return token?.kind === "punct" && token.text === text;
  }

  private isByte(index: number): boolean {
    const token = this.tokens[index];
    return token?.kind === "name" && (token.text === "byte" || token.text === "Byte") && this.dialect !== "typescript";
  }

  /** A placeholder for `inner` under a wrapper; `finish` replaces it. */
  private wrapped(mark: NullMark, inner: TypeExpr): TypeExpr {
    const placeholder: TypeExpr = { kind: "union", members: [inner] };
    this.wrappers.set(placeholder, { mark, inner });
    return placeholder;
  }

  /** The type with its wrappers placed: the outermost ones are the cell's mark, the others `T | null` (or `T`, for `absent`). */
  finish(type: TypeExpr): { type: TypeExpr; mark?: NullMark; notes: string[] } {
    let top = type;
    let mark: NullMark | undefined;
    for (let wrapper = this.wrappers.get(top); wrapper; wrapper = this.wrappers.get(top)) {
      mark = strongest(mark, wrapper.mark);
      top = wrapper.inner;
    }
    const placed = this.place(top);
    return mark ? { type: placed, mark, notes: this.notes } : { type: placed, notes: this.notes };
  }

  private place(type: TypeExpr): TypeExpr {
    const wrapper = this.wrappers.get(type);
    if (wrapper) {
      const inner = this.place(wrapper.inner);
      return wrapper.mark === "absent" ? inner : withNull(inner);
    }
    switch (type.kind) {
      case "array":
        return { kind: "array", element: this.place(type.element) };
      case "record":
        return { kind: "record", value: this.place(type.value) };
      case "union":
        return { kind: "union", members: type.members.map((member) => this.place(member)) };
      default:
        return type;
    }
  }

  /** Goes `levels` deeper; past `MAX_TYPE_DEPTH` the cell is refused, as every later step would recurse that deep. */
  private enter(levels: number): void {
    this.depth += levels;
    if (this.depth > MAX_TYPE_DEPTH) {
      throw new TypeSyntaxError(
        `this type nests deeper than ${MAX_TYPE_DEPTH} levels, more than mdmodel reads`,
        this.tokens[this.index]?.at ?? this.lastPoint(),
      );
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
        return this.linkType(token.text, token.href);
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
    if (key.text !== "string")
      throw new TypeSyntaxError(`an index signature key must be string, found "${key.text}"`, key.at);
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

  /** The closing bracket of the type arguments that start here, if they do: `<…>`, `[…]` or `(…)`. */
  private argumentsClose(): ">" | "]" | ")" | undefined {
    if (!opensArguments(this.tokens[this.index], this.tokens[this.index + 1])) return undefined;
    const open = (this.tokens[this.index] as { text: string }).text;
    return open === "<" ? ">" : open === "[" ? "]" : ")";
  }

  private named(written: Extract<Token, { kind: "name" }>): TypeExpr {
    const alias = this.names?.get(written.text);
    const token = typeof alias === "string" ? { ...written, text: alias } : written;
    const close = this.argumentsClose();
    if (close === undefined) return this.simpleName(token);
    this.index += 1;
    const args: TypeExpr[] = [];
    do args.push(this.union());
    while (this.eat(","));
    this.expect(close);
    if (isSdkObject(token.text, this.dialect)) return this.sdkObject(token.text);
    const reading = genericType(
      token.text,
      args.map((arg) => this.place(arg)),
      this.dialect,
    );
    if (reading === "misfit" || (reading === undefined && isKnownGeneric(token.text))) {
      throw new TypeSyntaxError(`"${token.text}" does not take ${args.length} type argument(s)`, token.at);
    }
    if (reading === undefined) {
      // A generic the format does not define, such as `EventStream<T>`: an outside type.
      const name = `${token.text}<${args.map(typeName).join(", ")}>`;
      return token.href !== undefined && !isDocLink(token.href)
        ? { kind: "external", name, href: token.href }
        : { kind: "external", name };
    }
    if ("type" in reading) return reading.type;
    // The wrapper's argument, unplaced, so a wrapper inside it is still known as one.
    return this.wrapped(reading.wrap, args[0]!);
  }

  /** A name without arguments: a built-in of the dialect, one of the SDK's own objects, or a model. */
  private simpleName(token: Extract<Token, { kind: "name" }>): TypeExpr {
    const override = this.names?.get(token.text);
    const builtin = (typeof override === "object" ? override : undefined) ?? simpleType(token.text, this.dialect);
    if (builtin) return builtin;
    if (isSdkObject(token.text, this.dialect)) return this.sdkObject(token.text);
    if (token.href === undefined) return { kind: "ref", name: token.text };
    if (isDocLink(token.href)) return { kind: "ref", name: token.text, href: token.href };
    return { kind: "external", name: token.text, href: token.href };
  }

  /** A link whose text is no type: a built-in by its text, another doc, or an outside type. */
  private linkType(text: string, href: string): TypeExpr {
    return this.simpleName({ kind: "name", text, href, at: this.fallback });
  }

  private sdkObject(name: string): TypeExpr {
    this.notes.push(
      `\`${name}\` is the SDK's own object (an HTTP response or an event stream), which no API sends as JSON, so it is typed \`unknown\``,
    );
    return { kind: "unknown" };
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
    return this.isPunct(this.index, text);
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

/** Of two marks, the one that says most: `null` over `maybe` over `absent`. */
function strongest(a: NullMark | undefined, b: NullMark): NullMark {
  const rank: Record<NullMark, number> = { absent: 0, maybe: 1, null: 2 };
  return a === undefined || rank[b] > rank[a] ? b : a;
}

function withNull(type: TypeExpr): TypeExpr {
  return flatUnion([type, { kind: "null" }]);
}

/** A union of `members`, nested unions flattened and repeats dropped; one member is itself. */
function flatUnion(members: readonly TypeExpr[]): TypeExpr {
  const flat: TypeExpr[] = [];
  const seen = new Set<string>();
  for (const member of members.flatMap((m) => (m.kind === "union" ? m.members : [m]))) {
    const key = JSON.stringify(member);
    if (!seen.has(key)) flat.push(member);
    seen.add(key);
  }
  return flat.length === 1 ? flat[0]! : { kind: "union", members: flat };
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

/** A relative link to a markdown page, i.e. another doc of the same tree. */
export function isDocLink(href: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(href) && /\.mdx?(#.*)?$/i.test(href);
}
