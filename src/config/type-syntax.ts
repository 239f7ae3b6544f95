/**
 * Whether a config value is a TypeScript type, read by a small grammar rather than pasted
 * into code: names (`Response`, `ns.Name`), generics, `import("pkg").Name`, unions and
 * intersections, arrays, tuples, object types, parentheses, string, number and boolean
 * literals, `keyof`/`typeof`/`readonly`. Anything else (a `;` that would end the type alias
 * and start a statement, an unbalanced bracket) is refused, with the place.
 */

const TOKEN =
  /\s*(?:(?<name>[A-Za-z_$][\w$]*)|(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?<number>-?\d+(?:\.\d+)?)|(?<punct>=>|\.\.\.|[<>()[\]{}|&,.:;?=]))/y;

/** Words that cannot name a type (`this`, `void`, `null`, `true` and `false` can). */
const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends finally for function if import in instanceof new return super switch throw try var while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

interface Token {
  kind: "name" | "string" | "number" | "punct";
  text: string;
  at: number;
}

/** `undefined` when `text` is a type; else why not, with the 1-based column. */
export function typeSyntaxProblem(text: string): string | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (/^\s*$/.test(text.slice(at))) break;
      return `unexpected ${JSON.stringify(text.slice(at).trimStart()[0])} at column ${at + 1 + (text.slice(at).length - text.slice(at).trimStart().length)}`;
    }
    const [kind, value] = Object.entries(match.groups!).find(([, group]) => group !== undefined)!;
    tokens.push({ kind: kind as Token["kind"], text: value, at: match.index + match[0].length - value.length + 1 });
  }
  const reader = new TypeReader(tokens);
  try {
    reader.type();
    const rest = reader.peek();
    if (rest) return `unexpected ${JSON.stringify(rest.text)} at column ${rest.at}`;
    return tokens.length === 0 ? "it is empty" : undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

class TypeReader {
  #index = 0;

  constructor(readonly tokens: readonly Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.#index];
  }

  #take(text?: string): Token {
    const token = this.tokens[this.#index];
    if (!token) throw new Error(text ? `expected "${text}" at the end` : "the type ends too soon");
    if (text !== undefined && token.text !== text)
      throw new Error(`expected "${text}" at column ${token.at}, got ${JSON.stringify(token.text)}`);
    this.#index += 1;
    return token;
  }

  #is(text: string): boolean {
    return this.peek()?.text === text && this.peek()?.kind === "punct";
  }

  type(): void {
    if (this.#is("|") || this.#is("&")) this.#take();
    this.#postfix();
    while (this.#is("|") || this.#is("&")) {
      this.#take();
      this.#postfix();
    }
  }

  #postfix(): void {
    this.#primary();
    while (this.#is("[")) {
      this.#take("[");
      if (!this.#is("]")) this.type(); // an indexed access, T["key"]
      this.#take("]");
    }
  }

  #primary(): void {
    const token = this.#take();
    if (token.kind === "string" || token.kind === "number") return;
    if (token.kind === "name") {
      if (RESERVED.has(token.text) && !(token.text === "import" && this.#is("(")))
        throw new Error(`"${token.text}" is no type, at column ${token.at}`);
      if (token.text === "keyof" || token.text === "typeof" || token.text === "readonly" || token.text === "unique")
        return this.#postfix();
      if (token.text === "import" && this.#is("(")) {
        this.#take("(");
        if (this.#take().kind !== "string")
          throw new Error(`import() takes a module name in quotes, at column ${token.at}`);
        this.#take(")");
      }
      while (this.#is(".")) {
        this.#take(".");
        if (this.#take().kind !== "name") throw new Error(`expected a name after "." at column ${token.at}`);
      }
      if (this.#is("<")) this.#list("<", ">", () => this.type());
      return;
    }
    if (token.text === "(") {
      this.type();
      this.#take(")");
      return;
    }
    if (token.text === "[") {
      this.#index -= 1;
      this.#list("[", "]", () => {
        if (this.#is("...")) this.#take();
        this.type();
        if (this.#is("?")) this.#take();
      });
      return;
    }
    if (token.text === "{") {
      this.#members();
      return;
    }
    throw new Error(`unexpected ${JSON.stringify(token.text)} at column ${token.at}`);
  }

  /** `{ a: T; readonly b?: T, [key: string]: T }`, after the `{`. */
  #members(): void {
    while (!this.#is("}")) {
      if (this.peek()?.text === "readonly" && this.tokens[this.#index + 1]?.kind === "name") this.#take();
      if (this.#is("[")) {
        this.#take("[");
        this.#take();
        this.#take(":");
        this.type();
        this.#take("]");
      } else {
        const key = this.#take();
        if (key.kind === "punct")
          throw new Error(`expected a property name at column ${key.at}, got ${JSON.stringify(key.text)}`);
        if (this.#is("?")) this.#take();
      }
      this.#take(":");
      this.type();
      if (this.#is(";") || this.#is(",")) this.#take();
      else if (!this.#is("}")) throw new Error(`expected ";" or "}" at column ${this.peek()?.at ?? "the end"}`);
    }
    this.#take("}");
  }

  #list(open: string, close: string, item: () => void): void {
    this.#take(open);
    while (!this.#is(close)) {
      item();
      if (!this.#is(close)) this.#take(",");
    }
    this.#take(close);
  }
}
