/**
 * Reads an Example Usage block (`let value: Foo = {…};`) into a literal tree, with a small
 * reader of the literals it may hold: strings, template strings without substitutions,
 * numbers (also signed), `true`, `false`, `null`, arrays, objects of `key: value` pairs,
 * `new Date("…")`, `new RFCDate("…")`, parentheses and `as`/`satisfies` casts. It finds the first top-level
 * variable declared with a value and never runs code; anything else is reported with its
 * text and place. It needs no TypeScript parser, so reading docs loads no emitter.
 */
import { MAX_EXAMPLE_DEPTH, type ExampleValue, type Point } from "../ir/types.js";
import { abbreviate } from "../shared/text.js";

export type ExampleCodeResult =
  | { ok: true; value: ExampleValue }
  | { ok: false; reason: string; at: Point }
  /** The block declares nothing, e.g. `// No examples available for this model`. */
  | { ok: "empty" }
  /** The value is a stand-in comment, as SDK generators write for unions: `const value: Pet = /* values here *\/`. */
  | { ok: "placeholder"; text: string };

/** The value of the first top-level variable declared with one in `code`; `start` is where the code begins in the doc. */
export function readExampleCode(code: string, start: Point): ExampleCodeResult {
  const tokens = tokenize(code);
  const reader = new Reader(code, tokens);
  try {
    const value = reader.firstInitializer();
    return value === undefined ? { ok: "empty" } : { ok: true, value };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    // Nothing but a comment where the value goes: a documented stand-in, not a mistake in the doc.
    const placeholder = error.empty
      ? /\/\*[\s\S]*?\*\/\s*;?\s*$/.exec(code.slice(0, error.offset).trimEnd() + code.slice(error.offset))
      : null;
    if (placeholder) return { ok: "placeholder", text: placeholder[0].replace(/;?\s*$/, "").trim() };
    return { ok: false, reason: error.message, at: placeOf(code, error.offset, start) };
  }
}

/** A construct the reader does not read as a literal, at an offset of the code. */
class Unsupported extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** The expression is missing altogether (`let value: T = ;`). */
    readonly empty = false,
  ) {
    super(message);
  }
}

type TokenKind = "name" | "string" | "template" | "number" | "punct" | "other";

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** A string's or template's value, a number's digits, a name or punctuator as written. */
  text: string;
  /** A template with `${…}` in it. */
  substitutions?: boolean;
  /** Whether a line break comes between this token and the one before. */
  newline: boolean;
}

const PUNCTUATORS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "**",
  "++",
  "--",
  "<<",
  ">>",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
];
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const NAME_START = /[\p{ID_Start}$_]/u;
const NAME_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

/** The tokens of `code`, comments and whitespace left out. */
function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let newline = false;
  while (at < code.length) {
    const char = code[at]!;
    if (LINE_BREAK.test(char)) {
      newline = true;
      at += 1;
      continue;
    }
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    if (code.startsWith("//", at)) {
      const end = code.slice(at).search(LINE_BREAK);
      at = end === -1 ? code.length : at + end;
      continue;
    }
    if (code.startsWith("/*", at)) {
      const end = code.indexOf("*/", at + 2);
      const comment = code.slice(at, end === -1 ? code.length : end + 2);
      if (LINE_BREAK.test(comment)) newline = true;
      at += comment.length;
      continue;
    }
    const start = at;
    const push = (kind: TokenKind, end: number, text: string, substitutions?: boolean) => {
      tokens.push({ kind, start, end, text, newline, ...(substitutions ? { substitutions } : {}) });
      newline = false;
      at = end;
    };
    if (char === '"' || char === "'") {
      const { value, end } = readString(code, at, char);
      push("string", end, value);
    } else if (char === "`") {
      const { value, end, substitutions } = readTemplate(code, at);
      push("template", end, value, substitutions);
    } else if (/\d/.test(char) || (char === "." && /\d/.test(code[at + 1] ?? ""))) {
      const match =
        /^(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?(?:\.[\d_]*)?(?:[eE][+-]?\d[\d_]*)?)n?/.exec(
          code.slice(at),
        )!;
      push("number", at + Math.max(1, match[0].length), match[0]);
    } else if (NAME_START.test(char) || char === "\\") {
      let end = at + 1;
      while (end < code.length && (NAME_PART.test(code[end]!) || code[end] === "\\")) end += 1;
      push("name", end, code.slice(at, end));
    } else {
      const punct = PUNCTUATORS.find((candidate) => code.startsWith(candidate, at)) ?? char;
      push(/[\p{L}\p{N}]/u.test(punct) ? "other" : "punct", at + punct.length, punct);
    }
  }
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v" };

/** An escape sequence at `at` (just after the backslash): what it stands for and where it ends. */
function readEscape(code: string, at: number): { value: string; end: number } {
  const char = code[at] ?? "";
  if (char in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[char]!, end: at + 1 };
  if (char === "\r") return { value: "", end: code[at + 1] === "\n" ? at + 2 : at + 1 };
  if (char === "\n" || char === "\u2028" || char === "\u2029") return { value: "", end: at + 1 };
  if (char === "x") {
    const hex = /^[\da-fA-F]{2}/.exec(code.slice(at + 1))?.[0];
    if (hex) return { value: String.fromCharCode(parseInt(hex, 16)), end: at + 3 };
  }
  if (char === "u") {
    const braced = /^\{([\da-fA-F]+)\}/.exec(code.slice(at + 1));
    if (braced && parseInt(braced[1]!, 16) <= 0x10ffff)
      return { value: String.fromCodePoint(parseInt(braced[1]!, 16)), end: at + 1 + braced[0].length };
    const hex = /^[\da-fA-F]{4}/.exec(code.slice(at + 1))?.[0];
    if (hex) return { value: String.fromCharCode(parseInt(hex, 16)), end: at + 5 };
  }
  const octal = /^(?:[0-3][0-7]{0,2}|[4-7][0-7]?)/.exec(code.slice(at))?.[0];
  if (octal) return { value: String.fromCharCode(parseInt(octal, 8)), end: at + octal.length };
  return { value: char, end: at + char.length };
}

function readString(code: string, at: number, quote: string): { value: string; end: number } {
  let value = "";
  let i = at + 1;
  while (i < code.length && code[i] !== quote && code[i] !== "\n" && code[i] !== "\r") {
    if (code[i] === "\\") {
      const escape = readEscape(code, i + 1);
      value += escape.value;
      i = escape.end;
    } else {
      value += code[i];
      i += 1;
    }
  }
  return { value, end: code[i] === quote ? i + 1 : i };
}

function readTemplate(code: string, at: number): { value: string; end: number; substitutions: boolean } {
  let value = "";
  let substitutions = false;
  let i = at + 1;
  while (i < code.length && code[i] !== "`") {
    if (code[i] === "\\") {
      const escape = readEscape(code, i + 1);
      value += escape.value;
      i = escape.end;
    } else if (code.startsWith("${", i)) {
      substitutions = true;
      i = skipSubstitution(code, i + 2);
    } else if (code[i] === "\r") {
      value += "\n"; // a template's line breaks all read as \n
      i += code[i + 1] === "\n" ? 2 : 1;
    } else {
      value += code[i];
      i += 1;
    }
  }
  return { value, end: Math.min(code.length, i + 1), substitutions };
}

/** The offset after the `}` that closes a `${`, strings and nested templates skipped. */
function skipSubstitution(code: string, at: number): number {
  let depth = 1;
  let i = at;
  while (i < code.length) {
    const char = code[i]!;
    if (char === '"' || char === "'") i = readString(code, i, char).end;
    else if (char === "`") i = readTemplate(code, i).end;
    else {
      if (char === "{") depth += 1;
      else if (char === "}" && --depth === 0) return i + 1;
      i += 1;
    }
  }
  return i;
}

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Operators of lower precedence than `as` and `satisfies` (which bind like `<`): `a || b as T` casts `b` only. */
const LOOSER_THAN_CASTS = new Set([
  "=>",
  "?",
  ":",
  "||",
  "&&",
  "??",
  "|",
  "^",
  "&",
  "==",
  "!=",
  "===",
  "!==",
  "=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "**=",
  "<<=",
  ">>=",
  ">>>=",
  "&=",
  "|=",
  "^=",
]);

/** Reads literals out of the tokens; slots are token ranges `[from, to)`. */
class Reader {
  constructor(
    readonly code: string,
    readonly tokens: readonly Token[],
  ) {}

  /** The first top-level variable declaration's value; `undefined` when no declaration has one. */
  firstInitializer(): ExampleValue | undefined {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === "punct" && token.text in OPENERS) {
        i = this.closing(i);
        continue;
      }
      if (token.kind !== "name" || !["let", "const", "var"].includes(token.text) || !this.startsStatement(i)) continue;
      if (token.text === "const" && tokens[i + 1]?.text === "enum") continue;
      const value = this.declarations(i + 1);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** A statement starts here: at the start, after `;` or `}`, after `export`/`declare`, or on a new line. */
  startsStatement(i: number): boolean {
    const before = this.tokens[i - 1];
    if (before === undefined || this.tokens[i]!.newline) return true;
    if (before.text === ";" || before.text === "}") return true;
    return (before.text === "export" || before.text === "declare") && this.startsStatement(i - 1);
  }

  /** The declarators from `i`: the value of the first that has one. */
  declarations(i: number): ExampleValue | undefined {
    const { tokens } = this;
    while (i < tokens.length) {
      // The name, or a destructuring pattern.
      const name = tokens[i];
      if (name === undefined) return undefined;
      i = name.text === "{" || name.text === "[" ? this.closing(i) + 1 : i + 1;
      if (tokens[i]?.text === "!") i += 1;
      if (tokens[i]?.text === ":") i = this.skipType(i + 1);
      const next = tokens[i];
      if (next?.text === "=") {
        const end = this.slotEnd(i + 1, true);
        return this.literal(i + 1, end);
      }
      if (next?.text !== ",") return undefined;
      i += 1;
    }
    return undefined;
  }

  /** Past a type annotation: to the `=`, `,` or `;` outside brackets of every kind. */
  skipType(i: number): number {
    let angles = 0;
    for (; i < this.tokens.length; i++) {
      const { text } = this.tokens[i]!;
      if (text in OPENERS) i = this.closing(i);
      else if (text === "<") angles += 1;
      else if (text === ">" && angles > 0) angles -= 1;
      else if (text === ">>" && angles > 0) angles = Math.max(0, angles - 2);
      else if (angles === 0 && (text === "=" || text === "," || text === ";")) return i;
    }
    return i;
  }

  /** The index of the bracket that closes the one at `i` (or the end, when it never closes). */
  closing(i: number): number {
    let depth = 0;
    for (let j = i; j < this.tokens.length; j++) {
      const { kind, text } = this.tokens[j]!;
      if (kind !== "punct") continue;
      if (text in OPENERS) depth += 1;
      else if (text === ")" || text === "]" || text === "}") {
        depth -= 1;
        if (depth === 0) return j;
      }
    }
    return this.tokens.length;
  }

  /**
   * Where the expression starting at `from` ends: at a `,`, `;` or closing bracket outside
   * brackets. A top-level value also ends where a line break starts another statement.
   */
  slotEnd(from: number, topLevel: boolean): number {
    for (let i = from; i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      if (token.kind === "punct" && token.text in OPENERS) {
        i = this.closing(i);
        continue;
      }
      if ([",", ";", ")", "]", "}"].includes(token.text) && token.kind === "punct") return i;
      if (topLevel && i > from && token.newline && token.kind === "name" && endsExpression(this.tokens[i - 1]!))
        return i;
    }
    return this.tokens.length;
  }

  /** The source text of the slot `[from, to)`, as a message quotes it. */
  text(from: number, to: number): string {
    if (to <= from) return "";
    return abbreviate(this.code.slice(this.tokens[from]!.start, this.tokens[to - 1]!.end));
  }

  /** Where a slot starts: its first token, or the token that ends an empty one. */
  offset(from: number): number {
    return this.tokens[from]?.start ?? this.code.length;
  }

  unsupported(from: number, to: number): never {
    throw new Unsupported(
      `an example can hold only literals, not \`${this.text(from, to)}\``,
      this.offset(from),
      to <= from,
    );
  }

  /** The literal the expression in `[from, to)` writes, `depth` brackets, parentheses or casts in. */
  literal(from: number, to: number, depth = 0): ExampleValue {
    const { tokens } = this;
    if (depth > MAX_EXAMPLE_DEPTH) {
      throw new Unsupported(
        `this example nests deeper than ${MAX_EXAMPLE_DEPTH} levels, more than mdmodel reads`,
        this.offset(from),
      );
    }
    // `x as T`, `x satisfies T`: the value is `x`, unless an operator that binds looser than the cast (`=>`, `?`, `||`…) comes first.
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (token.kind === "punct" && token.text in OPENERS) i = this.closing(i);
      else if (token.kind === "punct" && LOOSER_THAN_CASTS.has(token.text)) break;
      else if (i > from && token.kind === "name" && (token.text === "as" || token.text === "satisfies"))
        return this.literal(from, i, depth + 1);
    }
    const first = tokens[from];
    if (first === undefined || from >= to) this.unsupported(from, to);
    const single = to === from + 1;
    if (first.kind === "punct" && first.text === "(" && this.closing(from) === to - 1)
      return this.literal(from + 1, to - 1, depth + 1);
    if (single && first.kind === "string") return { kind: "string", value: first.text };
    if (single && first.kind === "template" && !first.substitutions) return { kind: "string", value: first.text };
    if (single && first.kind === "number" && !first.text.endsWith("n"))
      return { kind: "number", value: numberOf(first.text) };
    if (
      to === from + 2 &&
      (first.text === "-" || first.text === "+") &&
      tokens[from + 1]!.kind === "number" &&
      !tokens[from + 1]!.text.endsWith("n")
    ) {
      const value = numberOf(tokens[from + 1]!.text);
      return { kind: "number", value: first.text === "-" ? -value : value };
    }
    if (single && first.kind === "name" && (first.text === "true" || first.text === "false"))
      return { kind: "boolean", value: first.text === "true" };
    if (single && first.kind === "name" && first.text === "null") return { kind: "null" };
    if (first.text === "[" && first.kind === "punct" && this.closing(from) === to - 1)
      return this.array(from, to, depth);
    if (first.text === "{" && first.kind === "punct" && this.closing(from) === to - 1)
      return this.object(from, to, depth);
    // `new Date("…")`, and an SDK's `new RFCDate("2024-01-01")` for a calendar date.
    const made = tokens[from + 1]?.text;
    if (
      first.text === "new" &&
      (made === "Date" || made === "RFCDate") &&
      tokens[from + 2]?.text === "(" &&
      this.closing(from + 2) === to - 1
    ) {
      const argument = tokens[from + 3];
      const after = tokens[from + 4]?.text;
      if (
        argument &&
        (argument.kind === "string" || (argument.kind === "template" && !argument.substitutions)) &&
        (after === ")" || after === ",")
      ) {
        return made === "Date" ? { kind: "date", iso: argument.text } : { kind: "rfcDate", value: argument.text };
      }
    }
    return this.unsupported(from, to);
  }

  /** The comma-separated slots between the brackets at `from` and `to - 1`; a trailing comma ends the list. */
  items(from: number, to: number): Array<[number, number]> {
    const slots: Array<[number, number]> = [];
    let i = from + 1;
    while (i < to - 1) {
      const end = Math.min(this.slotEnd(i, false), to - 1);
      slots.push([i, end]);
      i = end + 1;
      if (end === to - 1) break;
    }
    return slots;
  }

  array(from: number, to: number, depth: number): ExampleValue {
    return { kind: "array", items: this.items(from, to).map(([start, end]) => this.literal(start, end, depth + 1)) };
  }

  object(from: number, to: number, depth: number): ExampleValue {
    const { tokens } = this;
    const entries: Array<[string, ExampleValue]> = [];
    for (const [start, end] of this.items(from, to)) {
      if (start === end) continue;
      const name = tokens[start]!;
      let keyEnd = start + 1;
      if (name.text === "[" && name.kind === "punct") keyEnd = this.closing(start) + 1;
      const isPair = tokens[keyEnd]?.text === ":" && keyEnd < end && (name.kind !== "punct" || name.text === "[");
      if (!isPair) {
        throw new Unsupported(
          `an example object can hold only \`key: value\` pairs, not \`${this.text(start, end)}\``,
          name.start,
        );
      }
      const key = this.key(start, keyEnd);
      if (key === undefined) throw new Unsupported(`cannot read the key \`${this.text(start, keyEnd)}\``, name.start);
      const value = tokens[keyEnd + 1];
      // `key: undefined` means the key is absent.
      if (end === keyEnd + 2 && value?.kind === "name" && value.text === "undefined") continue;
      entries.push([key, this.literal(keyEnd + 1, end, depth + 1)]);
    }
    return { kind: "object", entries };
  }

  /** A property key: a name, a string, a number, or a string in brackets. */
  key(from: number, to: number): string | undefined {
    const name = this.tokens[from]!;
    if (to === from + 1) {
      if (name.kind === "name" || name.kind === "string" || (name.kind === "template" && !name.substitutions))
        return name.text;
      if (name.kind === "number" && !name.text.endsWith("n")) return String(numberOf(name.text));
      return undefined;
    }
    const inner = this.tokens[from + 1];
    return to === from + 3 && inner?.kind === "string" ? inner.text : undefined;
  }
}

/** Whether an expression may end with this token, so that a line break after it ends the statement. */
function endsExpression(token: Token): boolean {
  return token.kind !== "punct" || [")", "]", "}"].includes(token.text);
}

/** A number literal's value: separators dropped; `010` is octal, as JavaScript reads it outside strict mode. */
function numberOf(text: string): number {
  const digits = text.replace(/_/g, "");
  if (/^0[0-7]+$/.test(digits)) return parseInt(digits, 8);
  return Number(digits);
}

/** A place in the doc: lines break as TypeScript breaks them; columns count UTF-16 units. */
function placeOf(code: string, offset: number, start: Point): Point {
  const before = code.slice(0, offset);
  const lines = before.split(/\r\n|[\n\r\u2028\u2029]/);
  const line = lines.length - 1;
  const character = lines[line]!.length;
  return { line: start.line + line, column: (line === 0 ? start.column : 1) + character };
}
