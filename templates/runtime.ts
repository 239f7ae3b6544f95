/**
 * mdmodel runtime: the helpers every generated validator and builder calls. This file
 * is copied verbatim into the output folder, so generated code has no dependency.
 */

/** One step of a path into a value: an object key or an array index. */
export type PathSegment = string | number;

/** One thing wrong with a value. */
export interface ValidationIssue {
  /** Keys and indices from the root to the offending value. */
  readonly path: readonly PathSegment[];
  /** The same path, readable: `items[2].name` (`$` for the root). */
  readonly pathText: string;
  /** What the model wants there, e.g. `string` or `"a" | "b"`. */
  readonly expected: string;
  /** What was found, e.g. `number` or `missing`. */
  readonly received: string;
  readonly message: string;
}

/** The result of `validateX`: the typed value, or every issue found. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Collects the issues of `value` under `path` into `issues`. */
export type IssueCollector = (value: unknown, path: readonly PathSegment[], issues: ValidationIssue[]) => void;

/** Thrown by `assertX` and by builders; its message lists every issue. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(model: string, issues: readonly ValidationIssue[]) {
    super(`Invalid ${model}:\n${issues.map((issue) => `  - ${issue.message}`).join("\n")}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/** `items[2].name`, `["x-key"]`; `$` is the root. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === "" ? "$" : text;
}

/** A short description of a received value, without echoing user data. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : "Date";
  if (typeof value === "string") return value.length <= 32 ? `string ${JSON.stringify(value)}` : "string";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

const MISSING: unique symbol = Symbol("missing");

/**
 * One issue. The readable texts are built when first read, so collecting issues stays
 * cheap when a caller only counts them or reads their paths.
 */
class Issue implements ValidationIssue {
  #pathText: string | undefined;
  #received: string | undefined;

  constructor(
    readonly path: readonly PathSegment[],
    readonly expected: string,
    private readonly value: unknown,
    private readonly note?: string,
  ) {}

  get pathText(): string {
    return (this.#pathText ??= formatPath(this.path));
  }

  get received(): string {
    return (this.#received ??= this.value === MISSING ? "missing" : describeValue(this.value));
  }

  get message(): string {
    if (this.value === MISSING) return `${this.pathText}: required ${this.expected} is missing`;
    return `${this.pathText}: ${this.note ?? `expected ${this.expected}, received ${this.received}`}`;
  }

  toJSON(): Omit<ValidationIssue, never> {
    return { path: this.path, pathText: this.pathText, expected: this.expected, received: this.received, message: this.message };
  }
}

// The lazy texts read like fields to code, tests and console.log.
for (const name of ["pathText", "received", "message"] as const) {
  Object.defineProperty(Issue.prototype, name, { ...Object.getOwnPropertyDescriptor(Issue.prototype, name), enumerable: true });
}

/** Records that `value` at `path` is not what was expected. */
export function pushIssue(
  issues: ValidationIssue[],
  path: readonly PathSegment[],
  expected: string,
  value: unknown,
  note?: string,
): void {
  issues.push(new Issue(path, expected, value, note));
}

/** Records that a required field is absent. */
export function pushMissing(issues: ValidationIssue[], path: readonly PathSegment[], expected: string): void {
  issues.push(new Issue(path, expected, MISSING));
}

/** A non-null, non-array object: the shape every object model needs. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `key` is an own property of `value`: inherited keys are no fields and no record entries. */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** A field's own value; keys such as `constructor` must not be read from the prototype. */
export function ownField(value: Record<string, unknown>, key: string): unknown {
  return hasOwn(value, key) ? value[key] : undefined;
}

/** A `Date` that holds a real time (not `Invalid Date`). */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A `YYYY-MM-DD` string naming a day that exists; checked digit by digit, allocating nothing. */
export function isRfcDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false; // the two "-"
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The number written by `length` digits at `start`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let number = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** `Uint8Array` (Node's `Buffer` included). */
export function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

// Blob, File and ReadableStream are missing on some runtimes: look them up, never assume.
type Constructor<T> = abstract new (...args: never[]) => T;
const platform = globalThis as unknown as {
  Blob?: Constructor<Blob>;
  File?: Constructor<File>;
  ReadableStream?: Constructor<ReadableStream>;
};

/** A `Blob` (a `File` is one too); `false` where the runtime has no `Blob`. */
export function isBlob(value: unknown): value is Blob {
  return platform.Blob !== undefined && value instanceof platform.Blob;
}

/** A `File`; `false` where the runtime has no `File`. */
export function isFile(value: unknown): value is File {
  return platform.File !== undefined && value instanceof platform.File;
}

/** A `ReadableStream`; `false` where the runtime has none. */
export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return platform.ReadableStream !== undefined && value instanceof platform.ReadableStream;
}

/** An array whose every item passes `isItem`. */
export function isArrayOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is T[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isItem(value[i])) return false;
  return true;
}

/** An object whose every own value passes `isItem`. */
export function isRecordOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is Record<string, T> {
  if (!isObject(value)) return false;
  for (const key in value) if (hasOwn(value, key) && !isItem(value[key])) return false;
  return true;
}

/** The path of the value a validator is given. */
export const ROOT_PATH: readonly PathSegment[] = [];

/** Every issue `collect` finds in `value`, never an empty list for an invalid value. */
export function collectIssues(value: unknown, collect: IssueCollector): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  collect(value, ROOT_PATH, issues);
  if (issues.length === 0) pushIssue(issues, ROOT_PATH, "a valid value", value);
  return issues;
}

/** Records why field `key` of the object at `path` does not fit: missing when it is undefined, else one issue expecting `expected`. */
export function collectFieldIssues(
  value: unknown,
  path: readonly PathSegment[],
  key: string,
  issues: ValidationIssue[],
  expected: string,
): void {
  if (value === undefined) pushMissing(issues, [...path, key], expected);
  else pushIssue(issues, [...path, key], expected, value);
}

/** The body of `validateX`: the guard first, so a valid value costs what `isX` costs; else every issue. */
export function validateWith<T>(value: unknown, is: (value: unknown) => value is T, collect: IssueCollector): ValidationResult<T> {
  return is(value) ? { ok: true, value } : { ok: false, issues: collectIssues(value, collect) };
}

/** The body of `assertX`: throws a `ValidationError` listing every issue unless `is` accepts `value`. */
export function assertWith<T>(
  value: unknown,
  is: (value: unknown) => value is T,
  collect: IssueCollector,
  model: string,
): asserts value is T {
  if (!is(value)) throw new ValidationError(model, collectIssues(value, collect));
}

/**
 * The arguments of a builder's `build()`: none once every required field is set, else
 * one that names the missing fields, so a forgotten field is a compile error.
 */
export type BuildArgs<Required extends PropertyKey, Set extends PropertyKey> = [Exclude<Required, Set>] extends [never]
  ? []
  : [missingRequiredFields: { readonly missing: Exclude<Required, Set> }];

/** Field names a builder itself uses: their setters are `setBuild` and `setConstructor`. */
type BuilderMember = "build" | "constructor";

/** The setters of the fields `Keys` of `T`; each keeps its field's doc comment, which editors show. */
export type BuilderSetters<T, Required extends keyof T, Done extends keyof T, Keys extends keyof T> = {
  readonly [K in Keys]-?: (value: Exclude<T[K], undefined>) => Builder<T, Required, Done | K>;
};

/**
 * Builds a `T` one field at a time: a setter per field that records the field as set
 * (`Done`), and `build()`, a compile error while a `Required` field is missing. The
 * setters of fields called `build` and `constructor` are `setBuild` and `setConstructor`.
 */
export type Builder<T, Required extends keyof T, Done extends keyof T = never> = BuilderSetters<
  T,
  Required,
  Done,
  // A field called `setBuild` beside one called `build` has no setter of its own: `from()` sets it.
  Exclude<keyof T, BuilderMember | `set${Capitalize<Extract<keyof T, BuilderMember>>}`>
> & {
  readonly [K in Extract<keyof T, BuilderMember> as `set${Capitalize<K>}`]-?: (
    value: Exclude<T[K], undefined>,
  ) => Builder<T, Required, Done | K>;
} & {
  /** The value built so far, as a new object; throws a `ValidationError` if it is not valid. */
  build(...missing: BuildArgs<Required, Done>): T;
};

/** A model's builder class: `new FooBuilder()` starts empty, `FooBuilder.from(foo)` from a copy. */
export interface BuilderClass<T, Required extends keyof T> {
  new (): Builder<T, Required>;
  /** Starts from a copy of `existing`, to change some fields of it. */
  from(existing: T): Builder<T, Required, keyof T>;
}

/** The name of the setter of `field`, as `Builder` types it. */
function setterName(field: string): string {
  return field === "build" || field === "constructor" ? `set${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
}

/**
 * The builder class called `name` of a model with `fields`: a setter per field, and
 * `build()`, which copies the fields set and checks the copy with `assert`.
 */
export function builderClass<T, Required extends keyof T>(
  name: string,
  fields: ReadonlyArray<keyof T & string>,
  assert: (value: unknown) => asserts value is T,
): BuilderClass<T, Required> {
  class ModelBuilder {
    #fields: Record<string, unknown> = {};

    static from(existing: T): ModelBuilder {
      const copy = new ModelBuilder();
      copy.#fields = { ...(existing as Record<string, unknown>) };
      return copy;
    }

    static {
      const renamed = new Set(fields.filter((field) => setterName(field) !== field).map(setterName));
      for (const field of fields) {
        if (renamed.has(field)) continue;
        const value = function (this: ModelBuilder, value: unknown): ModelBuilder {
          // Assigning `__proto__` would set the prototype instead of a field.
          if (field === "__proto__") Object.defineProperty(this.#fields, field, { value, enumerable: true, writable: true, configurable: true });
          else this.#fields[field] = value;
          return this;
        };
        Object.defineProperty(this.prototype, setterName(field), { value, writable: true, configurable: true });
      }
    }

    build(): T {
      const value = { ...this.#fields };
      assert(value);
      return value;
    }
  }
  Object.defineProperty(ModelBuilder, "name", { value: name });
  return ModelBuilder as unknown as BuilderClass<T, Required>;
}

/** Guards for the primitive types, to pass where a guard function is wanted. */
export function isString(value: unknown): value is string {
  return typeof value === "string";
}

export function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === "boolean";
}

/** The guard of `unknown`: everything passes. */
export function isUnknown(_value: unknown): _value is unknown {
  return true;
}

/** Collects the issues of each item of an array, or one issue if it is not an array. */
export function collectArrayItems(
  value: unknown,
  path: readonly PathSegment[],
  issues: ValidationIssue[],
  expected: string,
  collectItem: IssueCollector,
): void {
  if (!Array.isArray(value)) {
    pushIssue(issues, path, expected, value);
    return;
  }
  for (let i = 0; i < value.length; i++) collectItem(value[i], [...path, i], issues);
}

/** Collects the issues of each value of a record, or one issue if it is not an object. */
export function collectRecordValues(
  value: unknown,
  path: readonly PathSegment[],
  issues: ValidationIssue[],
  expected: string,
  collectItem: IssueCollector,
): void {
  if (!isObject(value)) {
    pushIssue(issues, path, expected, value);
    return;
  }
  for (const key of Object.keys(value)) collectItem(value[key], [...path, key], issues);
}

/** The collector of `unknown`: nothing is ever wrong. */
export function collectNothing(): void {}

/**
 * One issue for a value that fits no member of a union, saying briefly why each member
 * failed; nothing when some member fits.
 */
export function collectUnionIssues(
  value: unknown,
  path: readonly PathSegment[],
  issues: ValidationIssue[],
  expected: string,
  members: ReadonlyArray<readonly [name: string, collect: IssueCollector]>,
): void {
  const reasons: string[] = [];
  for (const [name, collect] of members) {
    const found: ValidationIssue[] = [];
    collect(value, path, found);
    const [first] = found;
    if (first === undefined) return;
    reasons.push(`${name}: ${first.message}${found.length > 1 ? ` (and ${found.length - 1} more)` : ""}`);
  }
  pushIssue(issues, path, expected, value, `expected ${expected}, received ${describeValue(value)}; ${reasons.join("; ")}`);
}

/** Whether every own key of `value` is one of `keys` (for models that reject unknown properties). */
export function hasOnlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (hasOwn(value, key) && !keys.has(key)) return false;
  return true;
}

/** Records each own key of `value` that is not one of `keys`. */
export function collectUnknownKeys(
  value: Record<string, unknown>,
  path: readonly PathSegment[],
  issues: ValidationIssue[],
  keys: ReadonlySet<string>,
): void {
  for (const key of Object.keys(value)) {
    if (!keys.has(key)) pushIssue(issues, [...path, key], "no such property", value[key], "unknown property");
  }
}
