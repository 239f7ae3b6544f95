/**
 * mdmodel runtime: the helpers every generated validator and builder calls. This file
 * is copied verbatim into the output folder, so generated code has no dependency.
 */

//#region output: validators
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
  try {
    return describeReadable(value);
  } catch {
    // A revoked proxy or a throwing trap: `Array.isArray` and `instanceof` run it.
    return `${typeof value} (reading it threw)`;
  }
}

function describeReadable(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return Number.isNaN(ownTime(value)) ? "Invalid Date" : "Date";
  if (typeof value === "string") return value.length <= 32 ? `string ${JSON.stringify(value)}` : "string";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

const MISSING: unique symbol = /* @__PURE__ */ Symbol("missing");

/**
 * One issue. The readable texts are built when first read, so collecting issues stays
 * cheap when a caller only counts them or reads their paths.
 */
const Issue = /* @__PURE__ */ withEnumerableTexts(
  class Issue implements ValidationIssue {
    #pathText: string | undefined;
    #received: string | undefined;
    // Private: an issue holds what its message needs, never the value itself where logging an issue would print it.
    readonly #value: unknown;
    readonly #note: string | undefined;

    constructor(
      readonly path: readonly PathSegment[],
      readonly expected: string,
      value: unknown,
      note?: string,
    ) {
      this.#value = value;
      this.#note = note;
    }

    get pathText(): string {
      return (this.#pathText ??= formatPath(this.path));
    }

    get received(): string {
      return (this.#received ??= this.#value === MISSING ? "missing" : describeValue(this.#value));
    }

    get message(): string {
      if (this.#value === MISSING) return `${this.pathText}: required ${this.expected} is missing`;
      return `${this.pathText}: ${this.#note ?? `expected ${this.expected}, received ${this.received}`}`;
    }

    toJSON(): Omit<ValidationIssue, never> {
      return { path: this.path, pathText: this.pathText, expected: this.expected, received: this.received, message: this.message };
    }
  },
);

/** Makes the lazy texts enumerable, so they read like fields to code, tests and console.log; a call, so a bundler drops it with the class. */
function withEnumerableTexts<C extends abstract new (...args: never[]) => ValidationIssue>(issueClass: C): C {
  for (const name of ["pathText", "received", "message"] as const) {
    Object.defineProperty(issueClass.prototype, name, { ...Object.getOwnPropertyDescriptor(issueClass.prototype, name), enumerable: true });
  }
  return issueClass;
}

/** `path` with `segments` after it; a copy by hand, as spreading a short array costs twice as much. */
export function pathAt(path: readonly PathSegment[], ...segments: PathSegment[]): PathSegment[] {
  const length = path.length;
  const out = new Array<PathSegment>(length + segments.length);
  for (let i = 0; i < length; i++) out[i] = path[i]!;
  for (let i = 0; i < segments.length; i++) out[length + i] = segments[i]!;
  return out;
}

/** The most issues one validation lists: past it, a last issue says the rest were left out (a value of millions of wrong elements costs no more memory). */
export const MAX_ISSUES = 1000;

/** Records that `value` at `path` is not what was expected. */
export function pushIssue(
  issues: ValidationIssue[],
  path: readonly PathSegment[],
  expected: string,
  value: unknown,
  note?: string,
): void {
  if (issues.length < MAX_ISSUES) issues.push(new Issue(path, expected, value, note));
  else if (issues.length === MAX_ISSUES) issues.push(new Issue(path, expected, value, `and more: past ${MAX_ISSUES} issues, the rest are not listed`));
}

/** Records that a required field is absent. */
export function pushMissing(issues: ValidationIssue[], path: readonly PathSegment[], expected: string): void {
  if (issues.length < MAX_ISSUES) issues.push(new Issue(path, expected, MISSING));
  else pushIssue(issues, path, expected, undefined);
}

/** A non-null, non-array object: the shape every object model needs. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const objectPrototype = Object.prototype;

/** Whether `Object.prototype` holds enumerable properties someone added (prototype pollution): then every object inherits them. */
function prototypePolluted(): boolean {
  for (const _ in objectPrototype) return true;
  return false;
}

/**
 * The key generated guards read an object's prototype under: `value[PROTOTYPE_KEY]` is a
 * load the engine caches per call site, where `Object.getPrototypeOf` costs a call. Where
 * `__proto__` is disabled (`node --disable-proto`), a key no object has: every object then
 * takes the copy of `ownProperties`, slower and as exact.
 */
export const PROTOTYPE_KEY: string = (() => {
  try {
    return ({} as { __proto__: unknown }).__proto__ === objectPrototype ? "__proto__" : "\u0000";
  } catch {
    return "\u0000";
  }
})();

/**
 * Whether an object whose `value[PROTOTYPE_KEY]` is `prototype` gives only its own fields when
 * read as `value[key]`: a plain object, on an `Object.prototype` nobody added to. Any other (a
 * class instance, `Object.create(proto)`, one without a prototype, one with an own `__proto__`
 * key, any object while `Object.prototype` is polluted) is read through `ownProperties(value)`.
 */
export function readsOwnFields(prototype: unknown): boolean {
  return prototype === objectPrototype && !prototypePolluted();
}

/** A copy of an object's own enumerable properties on no prototype: what a walk reads in its place, so no inherited value counts. */
export function ownProperties(value: object): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, value);
}

/** Whether `key` is an own property of `value`: inherited keys are no fields and no record entries. */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** A field's own value; keys such as `constructor` must not be read from the prototype. */
export function ownField(value: Record<string, unknown>, key: string): unknown {
  return hasOwn(value, key) ? value[key] : undefined;
}
//#endregion

//#region output: types
/** A `Date` that holds a real time (not `Invalid Date`). */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(ownTime(value));
}

/** A Date's time, or NaN for what only looks like one (`Object.create(Date.prototype)`, a Proxy of a Date), whose getTime() throws. */
function ownTime(value: Date): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A `YYYY-MM-DD` string naming a day that exists; checked digit by digit, allocating nothing. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false; // the two "-"
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * A calendar day without a time of day, as SDKs hold RFC 3339 `full-date` values: made from a
 * `YYYY-MM-DD` string or a `Date` (its UTC day), written back as that string by `toString()`
 * and `toJSON()`.
 */
export class RFCDate {
  readonly #text: string;

  constructor(date: string | Date) {
    const text = typeof date === "string" ? date : Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
    if (!isCalendarDate(text)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${typeof date === "string" ? JSON.stringify(date) : "Invalid Date"}`);
    this.#text = text;
  }

  /** Today's date in UTC. */
  static today(): RFCDate {
    return new RFCDate(new Date());
  }

  /** Midnight UTC of the day. */
  toDate(): Date {
    return new Date(`${this.#text}T00:00:00.000Z`);
  }

  toString(): string {
    return this.#text;
  }

  toJSON(): string {
    return this.#text;
  }
}

/**
 * An `RFCDate`: this runtime's, or another's of the same shape (an SDK's own `RFCDate`),
 * whose `toJSON()` gives a calendar date.
 */
export function isRFCDate(value: unknown): value is RFCDate {
  if (value instanceof RFCDate) return true;
  if (typeof value !== "object" || value === null) return false;
  try {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    return typeof toJSON === "function" && isCalendarDate(toJSON.call(value));
  } catch {
    return false; // a value whose toJSON throws is no date
  }
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
//#endregion

//#region output: validators
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
  if (value === undefined) pushMissing(issues, pathAt(path, key), expected);
  else pushIssue(issues, pathAt(path, key), expected, value);
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
//#endregion

//#region output: builders
/**
 * The arguments of a builder's `build()`: none once every required field is set, else
 * one that names the missing fields, so a forgotten field is a compile error.
 */
export type BuildArgs<Required extends PropertyKey, Set extends PropertyKey> = [Exclude<Required, Set>] extends [never]
  ? []
  : [missingRequiredFields: { readonly missing: Exclude<Required, Set> }];

/**
 * Field names a builder may not take as setters: its own (`build`, `constructor`), and `then`,
 * which would make every builder a thenable that `await` never settles. Their setters are
 * `setBuild`, `setConstructor` and `setThen`.
 */
type BuilderMember = "build" | "constructor" | "then";

/** The setters of the fields `Keys` of `T`; each keeps its field's doc comment, which editors show. */
export type BuilderSetters<T, Required extends keyof T, Done extends keyof T, Keys extends keyof T> = {
  readonly [K in Keys]-?: (value: Exclude<T[K], undefined>) => Builder<T, Required, Done | K>;
};

/**
 * Builds a `T` one field at a time: a setter per field that records the field as set
 * (`Done`), and `build()`, a compile error while a `Required` field is missing. The
 * setters of fields called `build`, `constructor` and `then` are `setBuild`, `setConstructor` and `setThen`.
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
  return field === "build" || field === "constructor" || field === "then" ? `set${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
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
//#endregion

//#region output: validators
/** Guards for the primitive types, to pass where a guard function is wanted. */
export function isString(value: unknown): value is string {
  return typeof value === "string";
}

export function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

/** A `bigint`: what `BigInteger` and `*big.Int` fields hold. */
export function isBigInt(value: unknown): value is bigint {
  return typeof value === "bigint";
}

/** A number with no fraction: what `int`, `long` and `int64` fields hold. */
export function isInteger(value: unknown): value is number {
  return Number.isInteger(value);
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
  for (let i = 0; i < value.length; i++) collectItem(value[i], pathAt(path, i), issues);
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
  for (const key of Object.keys(value)) collectItem(value[key], pathAt(path, key), issues);
}

/**
 * How many levels of models a value may nest. Values of recursive models are walked only this
 * deep, so a hostile depth is an answer (`false`, an issue), never a stack overflow.
 */
export const MAX_NESTING = 256;

/**
 * Past this many levels, a walk remembers each value it walks as each model: one met again on
 * the current path is a cycle (an answer at once), one met again elsewhere (a value shared by
 * many parents) is answered as before. A value with branching cycles (`span.children = [span];
 * span.parent = span`) or a shared value under many paths then costs what its own objects
 * cost, not one walk per path. Shallower walks remember nothing, so they allocate nothing.
 */
const REMEMBER_FROM = 8;

let nesting = 0;
/** By walk (a guard, a collector, a codec's step): each value it walked past `REMEMBER_FROM` levels, and its answer (`WALKING` until there is one). */
let walked: Map<object, Map<object, unknown>> | undefined;
const WALKING = Symbol("walking");
/** What `enterWalk` answers when the walk goes on. */
const WALK = Symbol("walk");
const CYCLE = Symbol("cycle");
const TOO_DEEP = Symbol("too deep");

/** Enters `value` one level of nesting deeper as `walk`: `WALK` (go on, then `leaveWalk`), `TOO_DEEP`, `CYCLE`, or the answer it had before. */
function enterWalk(walk: object, value: unknown): unknown {
  if (nesting >= MAX_NESTING) return TOO_DEEP;
  if (nesting >= REMEMBER_FROM && typeof value === "object" && value !== null) {
    walked ??= new Map();
    let answers = walked.get(walk);
    if (answers === undefined) walked.set(walk, (answers = new Map()));
    if (answers.has(value)) {
      const answer = answers.get(value);
      return answer === WALKING ? CYCLE : answer;
    }
    answers.set(value, WALKING);
  }
  nesting++;
  return WALK;
}

/** Leaves a walk `enterWalk` entered, with its answer (`finished` false when it threw). */
function leaveWalk(walk: object, value: unknown, answer: unknown, finished: boolean): void {
  nesting--;
  const answers = walked?.get(walk);
  if (answers !== undefined && typeof value === "object" && value !== null && answers.get(value) === WALKING) {
    if (finished) answers.set(value, answer);
    else answers.delete(value);
  }
  // The outermost walk is over: what it remembered goes.
  if (nesting === 0) walked = undefined;
}

/** The guard of a recursive model: `walk` (its body) one level deeper, `false` past {@link MAX_NESTING} levels or on a cycle. */
export function guardNested(value: unknown, guard: object, walk: (value: unknown) => boolean): boolean {
  const entered = enterWalk(guard, value);
  if (entered !== WALK) return entered === true;
  let answer = false;
  let finished = false;
  try {
    answer = walk(value);
    finished = true;
    return answer;
  } finally {
    leaveWalk(guard, value, answer, finished);
  }
}

/** The collector of a recursive model: `walk` (its body) one level deeper; past {@link MAX_NESTING} levels or on a cycle, one issue. */
export function collectNested(
  value: unknown,
  path: readonly PathSegment[],
  issues: ValidationIssue[],
  expected: string,
  collector: object,
  walk: (value: unknown, path: readonly PathSegment[], issues: ValidationIssue[]) => void,
): void {
  const entered = enterWalk(collector, value);
  if (entered === TOO_DEEP) return pushTooDeep(issues, path, expected, value);
  if (entered === CYCLE) return pushIssue(issues, path, expected, value, "a cycle: the value contains itself, which no JSON does");
  // Walked already under another path: its issues are recorded there.
  if (entered !== WALK) return;
  let finished = false;
  try {
    walk(value, path, issues);
    finished = true;
  } finally {
    leaveWalk(collector, value, undefined, finished);
  }
}

/** Records that `value` at `path` nests deeper than {@link MAX_NESTING} levels. */
export function pushTooDeep(issues: ValidationIssue[], path: readonly PathSegment[], expected: string, value: unknown): void {
  pushIssue(issues, path, expected, value, `nested deeper than ${MAX_NESTING} levels of models: not checked further`);
}

/** Records that reading `value` at `path` threw (a getter or a proxy trap): it is named by the error's kind, never its data. */
export function pushUnreadable(issues: ValidationIssue[], path: readonly PathSegment[], expected: string, error: unknown): void {
  const kind = error instanceof Error ? error.name : typeof error;
  pushIssue(issues, path, expected, undefined, `could not be read as ${expected}: reading it threw ${kind}`);
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
    if (found.length === 0) return;
    reasons.push(memberReason(name, found));
  }
  pushIssue(issues, path, expected, value, `expected ${expected}, received ${describeValue(value)}; ${reasons.join("; ")}`);
}

/** How many characters of a member's first issue a union's message quotes: nested unions must not make it grow with depth. */
const REASON_LENGTH = 200;

/** Why a union member did not take a value: its first issue, cut short, and how many more it had. */
function memberReason(name: string, found: readonly ValidationIssue[]): string {
  const message = found[0]!.message;
  const brief = message.length > REASON_LENGTH ? `${message.slice(0, REASON_LENGTH)}…` : message;
  return `${name}: ${brief}${found.length > 1 ? ` (and ${found.length - 1} more)` : ""}`;
}

/** Whether every own key of `value` is one of `keys` (for models that reject unknown properties). */
export function hasOnlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (hasOwn(value, key) && !keys.has(key)) return false;
  return true;
}

/**
 * The issue collector of an object model (or a union of objects told apart by a field) around
 * `walk`, the model's walk of its fields: checks that the value is an object (else an issue that
 * it is not the `expected`, by default "`name` object") and reads its own fields only, records
 * unknown keys where the model rejects them (`keys`), turns a getter or proxy trap that throws
 * into one issue at `path`, and walks a recursive model's value one level deeper, stopping at
 * the depth limit and at a cycle.
 */
export function objectIssues(
  name: string,
  walk: (value: Record<string, unknown>, path: readonly PathSegment[], issues: ValidationIssue[]) => void,
  options: { keys?: ReadonlySet<string>; recursive?: true; expected?: string } = {},
): IssueCollector {
  return caughtCollector(
    name,
    (value, path, issues) => {
      if (!isObject(value) || (!readsOwnFields(value[PROTOTYPE_KEY]) && !isObject((value = ownProperties(value))))) {
        pushIssue(issues, path, options.expected ?? `${name} object`, value);
        return;
      }
      if (options.keys) collectUnknownKeys(value, path, issues, options.keys);
      walk(value, path, issues);
    },
    options.recursive,
  );
}

/** `collect` with a getter or proxy trap that throws turned into one issue, and a recursive model's value walked one level deeper. */
function caughtCollector(name: string, collect: IssueCollector, recursive: true | undefined): IssueCollector {
  const caught: IssueCollector = (value, path, issues) => {
    try {
      collect(value, path, issues);
    } catch (error) {
      pushUnreadable(issues, path, name, error);
    }
  };
  if (!recursive) return caught;
  const nested: IssueCollector = (value, path, issues) => collectNested(value, path, issues, name, nested, caught);
  return nested;
}

/**
 * The issue collector of a union no field tells apart: one issue saying briefly why each member
 * failed (none when one fits), a getter or proxy trap that throws turned into one issue, and a
 * recursive union's value walked one level deeper. `members` is called on first use: they may
 * be the collectors of modules that import this one.
 */
export function unionIssues(
  name: string,
  expected: string,
  members: () => ReadonlyArray<readonly [name: string, collect: IssueCollector]>,
  options: { recursive?: true } = {},
): IssueCollector {
  let listed: ReadonlyArray<readonly [name: string, collect: IssueCollector]> | undefined;
  return caughtCollector(
    name,
    (value, path, issues) => collectUnionIssues(value, path, issues, expected, (listed ??= members())),
    options.recursive,
  );
}

/** Records each own key of `value` that is not one of `keys`. */
export function collectUnknownKeys(
  value: Record<string, unknown>,
  path: readonly PathSegment[],
  issues: ValidationIssue[],
  keys: ReadonlySet<string>,
): void {
  for (const key of Object.keys(value)) {
    if (!keys.has(key)) pushIssue(issues, pathAt(path, key), "no such property", value[key], "unknown property");
  }
}
//#endregion

//#region output: wire
/*
 * The wire form. JSON from an API (`await response.json()`, a webhook body) carries dates as
 * strings; a codec reads such a value into the model (date-times to `Date`, calendar dates to
 * `RFCDate`, unknown properties dropped or kept) and writes a model value back.
 */

/** The JSON form of `T`: dates as strings, everything else as it is. */
export type Wire<T> = T extends Date | RFCDate | bigint
  ? string
  : T extends Uint8Array | Blob | ReadableStream<Uint8Array>
    ? T
    : T extends ReadonlyArray<infer Item>
      ? Array<Wire<Item>>
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** What a codec's `read` answers for a wire value it does not take. */
export const INVALID: unique symbol = /* @__PURE__ */ Symbol("invalid wire value");

/**
 * Reads a model from its wire form and writes it back. `read` converts a valid wire value in
 * one walk and answers `INVALID` at the first part that does not fit, building no path; only
 * then does `collect` walk it again, recording every issue with its path.
 */
export interface Codec<T, W = unknown> {
  /** Whether `value` is a model value (not the wire form): the model's guard. */
  is(value: unknown): value is T;
  /**
   * How many properties this codec does not know in `wire`, at any depth (none for a leaf);
   * with `model`, in a model value, whose fields may be named otherwise (`createdAt` for `created_at`).
   */
  unknownKeys?(wire: unknown, model?: boolean): number;
  /** The model value of `wire`, or `INVALID`. */
  read(wire: unknown): T | typeof INVALID;
  /** Records the issues of `wire` under `path`. */
  collect(wire: unknown, path: readonly PathSegment[], issues: ValidationIssue[]): void;
  /** The wire form of a model value. */
  encode(value: T): W;
}

/** A codec of values whose wire form is the value itself (strings, numbers, literals, enums). */
export function leafCodec<T>(is: (value: unknown) => value is T, expected: string): Codec<T, T> {
  return {
    is,
    read: (wire) => (is(wire) ? wire : INVALID),
    collect(wire, path, issues) {
      if (!is(wire)) pushIssue(issues, path, expected, wire);
    },
    encode: (value) => value,
  };
}

export const stringCodec: Codec<string, string> = /* @__PURE__ */ leafCodec(isString, "string");
export const numberCodec: Codec<number, number> = /* @__PURE__ */ leafCodec(isNumber, "number");
export const integerCodec: Codec<number, number> = /* @__PURE__ */ leafCodec(isInteger, "integer");

/** The most digits a big integer's string may have: reading digits costs time that grows with their square (a 10 MB string took seconds). */
export const MAX_BIGINT_DIGITS = 10_000;

/** A big integer: digits in a JSON string (none lost), or a JSON integer; written back as digits. */
export const bigintCodec: Codec<bigint, string> = {
  is: isBigInt,
  read: (wire) =>
    typeof wire === "string" && wire.length <= MAX_BIGINT_DIGITS + 1 && /^-?[0-9]+$/.test(wire) ? BigInt(wire) : Number.isInteger(wire) ? BigInt(wire as number) : INVALID,
  collect(wire, path, issues) {
    if (typeof wire === "string" && wire.length > MAX_BIGINT_DIGITS + 1) pushIssue(issues, path, "bigint", undefined, `more than ${MAX_BIGINT_DIGITS} digits`);
    else if (bigintCodec.read(wire) === INVALID) pushIssue(issues, path, "bigint (an integer, or its digits in a string)", wire);
  },
  encode: (value) => value.toString(),
};
export const booleanCodec: Codec<boolean, boolean> = /* @__PURE__ */ leafCodec(isBoolean, "boolean");
export const unknownCodec: Codec<unknown, unknown> = /* @__PURE__ */ leafCodec(isUnknown, "unknown");
export const nullCodec: Codec<null, null> = /* @__PURE__ */ leafCodec((value): value is null => value === null, "null");

/** The codec of one literal value. */
export function literalCodec<const T extends string | number | boolean>(literal: T): Codec<T, T> {
  return leafCodec((value): value is T => value === literal, JSON.stringify(literal));
}

/**
 * `2024-03-01T09:30:00Z`, `…T09:30:00.123+02:00`: an RFC 3339 date-time (JSON Schema's
 * `date-time`), also with a space for the `T` and `+0200` for the offset, as some APIs send;
 * no leap second, which a `Date` cannot hold.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/** The time of an ISO 8601 date-time string (a valid `Date`'s own time), or NaN. */
function timeOf(wire: unknown): number {
  if (typeof wire === "string") return DATE_TIME.test(wire) && isCalendarDate(wire.slice(0, 10)) ? Date.parse(wire) : Number.NaN;
  return isValidDate(wire) ? wire.getTime() : Number.NaN;
}

/** A `Date` on the wire: an ISO 8601 date-time string (a valid `Date` is taken as it is). */
export const dateTimeCodec: Codec<Date, string> = {
  is: isValidDate,
  read(wire) {
    const time = timeOf(wire);
    return Number.isNaN(time) ? INVALID : new Date(time);
  },
  collect(wire, path, issues) {
    if (Number.isNaN(timeOf(wire))) pushIssue(issues, path, "ISO 8601 date-time string", wire);
  },
  encode: (value) => value.toISOString(),
};

/** An `RFCDate` on the wire: a `YYYY-MM-DD` string of a day that exists. */
export const rfcDateCodec: Codec<RFCDate, string> = {
  is: isRFCDate,
  read: (wire) => (isCalendarDate(wire) ? new RFCDate(wire) : isRFCDate(wire) ? new RFCDate(wire.toJSON()) : INVALID),
  collect(wire, path, issues) {
    if (!isCalendarDate(wire) && !isRFCDate(wire)) pushIssue(issues, path, "YYYY-MM-DD date string", wire);
  },
  encode: (value) => value.toJSON(),
};

/** A codec made on first use, so codecs of models that refer to each other can be declared in any order. */
export function lazyCodec<T, W>(make: () => Codec<T, W>): Codec<T, W> {
  let codec: Codec<T, W> | undefined;
  const get = () => (codec ??= make());
  return {
    is: (value): value is T => get().is(value),
    unknownKeys: (wire, model) => get().unknownKeys?.(wire, model) ?? 0,
    read: (wire) => get().read(wire),
    collect: (wire, path, issues) => get().collect(wire, path, issues),
    encode: (value) => get().encode(value),
  };
}

export function arrayCodec<T, W>(item: Codec<T, W>, expected: string): Codec<T[], W[]> {
  return {
    is: (value): value is T[] => Array.isArray(value) && value.every((entry) => item.is(entry)),
    unknownKeys(wire, model) {
      if (!Array.isArray(wire) || !item.unknownKeys) return 0;
      let sum = 0;
      for (let i = 0; i < wire.length && !isHole(wire, i); i++) sum += item.unknownKeys(wire[i], model);
      return sum;
    },
    // Elements are read up to the first hole, which no JSON array has: a sparse array of length 1e8 costs what its elements cost.
    read(wire) {
      if (!Array.isArray(wire)) return INVALID;
      const items: T[] = [];
      for (let i = 0; i < wire.length; i++) {
        if (isHole(wire, i)) return INVALID;
        const value = item.read(wire[i]);
        if (value === INVALID) return INVALID;
        items.push(value);
      }
      return items;
    },
    collect(wire, path, issues) {
      if (!Array.isArray(wire)) return pushIssue(issues, path, expected, wire);
      for (let i = 0; i < wire.length; i++) {
        if (isHole(wire, i)) return pushIssue(issues, pathAt(path, i), expected, undefined, "a hole in the array, which no JSON array has: not checked further");
        if (item.read(wire[i]) === INVALID) item.collect(wire[i], pathAt(path, i), issues);
      }
    },
    encode: (value) => value.map((entry) => item.encode(entry)),
  };
}

/** Whether index `i` of `array` is a hole (never set, as in `[1, , 3]` or after `length = 1e8`). */
function isHole(array: readonly unknown[], i: number): boolean {
  return array[i] === undefined && !(i in array);
}

/**
 * The codec of a recursive model: its walks stop at {@link MAX_NESTING} levels and at a
 * cycle, so `read` answers `INVALID`, `collect` records one issue, and `encode` throws a
 * `RangeError` that says why, before the stack would overflow; a value shared under many
 * paths is walked once (see `REMEMBER_FROM`).
 */
export function boundedCodec<T, W>(codec: Codec<T, W>, name: string): Codec<T, W> {
  // One key per step: each remembers its own answers.
  const steps = { read: {}, collect: {}, encode: {}, unknownKeys: {} };
  const fail = (why: symbol): never => {
    throw new RangeError(why === CYCLE ? `${name} has a cycle: the value contains itself, which no JSON can hold` : `${name} nests deeper than ${MAX_NESTING} levels of models`);
  };
  return {
    is: (value): value is T => codec.is(value),
    unknownKeys: (wire, model) => nestedStep(steps.unknownKeys, wire, () => codec.unknownKeys?.(wire, model) ?? 0, () => 0),
    read: (wire) => nestedStep(steps.read, wire, () => codec.read(wire), () => INVALID),
    collect: (wire, path, issues) =>
      nestedStep(
        steps.collect,
        wire,
        () => codec.collect(wire, path, issues),
        (why) => (why === CYCLE ? pushIssue(issues, path, name, wire, "a cycle: the value contains itself, which no JSON does") : pushTooDeep(issues, path, name, wire)),
        // A value collected under another path has its issues recorded there.
        () => undefined,
      ),
    encode: (value) => nestedStep(steps.encode, value, () => codec.encode(value), fail),
  };
}

/** `run()` one level of model nesting deeper as `step`; `stopped()` past {@link MAX_NESTING} or on a cycle; an earlier answer (or `again()`'s) for a value met before. */
function nestedStep<R>(step: object, value: unknown, run: () => R, stopped: (why: symbol) => R, again?: () => R): R {
  const entered = enterWalk(step, value);
  if (entered === TOO_DEEP || entered === CYCLE) return stopped(entered);
  if (entered !== WALK) return again ? again() : (entered as R);
  let answer: R | undefined;
  let finished = false;
  try {
    answer = run();
    finished = true;
    return answer;
  } finally {
    leaveWalk(step, value, answer, finished);
  }
}

/** Sets an own property, `__proto__` included (assigning that one would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function recordCodec<T, W>(item: Codec<T, W>, expected: string): Codec<Record<string, T>, Record<string, W>> {
  return {
    is: (value): value is Record<string, T> => isRecordOf(value, (entry): entry is T => item.is(entry)),
    unknownKeys: (wire, model) => (isObject(wire) && item.unknownKeys ? Object.keys(wire).reduce((sum, key) => sum + item.unknownKeys!(wire[key], model), 0) : 0),
    read(wire) {
      if (!isObject(wire)) return INVALID;
      const record: Record<string, T> = {};
      for (const key of Object.keys(wire)) {
        const value = item.read(wire[key]);
        if (value === INVALID) return INVALID;
        setOwn(record, key, value);
      }
      return record;
    },
    collect(wire, path, issues) {
      if (!isObject(wire)) pushIssue(issues, path, expected, wire);
      else for (const key of Object.keys(wire)) if (item.read(wire[key]) === INVALID) item.collect(wire[key], pathAt(path, key), issues);
    },
    encode(value) {
      const record: Record<string, W> = {};
      for (const key of Object.keys(value)) setOwn(record, key, item.encode(value[key] as T));
      return record;
    },
  };
}

/**
 * A union's codec: with a discriminator, the member its value names; without, the first member
 * that takes the value (one issue saying why each failed when none does).
 */
export function unionCodec<T, W = unknown>(
  expected: string,
  members: ReadonlyArray<readonly [name: string, codec: Codec<unknown, unknown>]>,
  discriminator?: { field: string; cases: ReadonlyArray<readonly [value: string | number | boolean, member: number]> },
): Codec<T, W> {
  /** The member a discriminated value names. */
  const named = (wire: unknown): Codec<unknown, unknown> | undefined => {
    if (!discriminator || !isObject(wire)) return undefined;
    const tag = ownField(wire, discriminator.field);
    const chosen = discriminator.cases.find(([value]) => value === tag);
    return chosen === undefined ? undefined : members[chosen[1]]![1];
  };
  return {
    is: (value): value is T => members.some(([, codec]) => codec.is(value)),
    unknownKeys(wire, model) {
      if (discriminator && !model) return named(wire)?.unknownKeys?.(wire) ?? 0;
      let fewest = 0;
      for (const [index, [, codec]] of members.entries()) {
        if (model ? !codec.is(wire) : codec.read(wire) === INVALID) continue;
        const unknown = codec.unknownKeys?.(wire, model) ?? 0;
        if (unknown === 0) return 0;
        if (index === 0 || unknown < fewest) fewest = unknown;
      }
      return fewest;
    },
    read(wire) {
      if (discriminator) return (named(wire)?.read(wire) ?? INVALID) as T | typeof INVALID;
      // The first member that reads the value and knows all its keys; else the one that knows most.
      let best: unknown = INVALID;
      let dropped = Number.POSITIVE_INFINITY;
      for (const [, codec] of members) {
        const value = codec.read(wire);
        if (value === INVALID) continue;
        const unknown = codec.unknownKeys?.(wire) ?? 0;
        if (unknown === 0) return value as T;
        if (unknown < dropped) [best, dropped] = [value, unknown];
      }
      return best as T | typeof INVALID;
    },
    collect(wire, path, issues) {
      if (discriminator) {
        const member = named(wire);
        if (member) member.collect(wire, path, issues);
        else if (!isObject(wire)) pushIssue(issues, path, expected, wire);
        else pushIssue(issues, pathAt(path, discriminator.field), discriminator.cases.map(([value]) => JSON.stringify(value)).join(" | "), ownField(wire, discriminator.field));
        return;
      }
      const reasons: string[] = [];
      for (const [name, codec] of members) {
        const found: ValidationIssue[] = [];
        codec.collect(wire, path, found);
        if (found.length === 0) return;
        reasons.push(memberReason(name, found));
      }
      pushIssue(issues, path, expected, wire, `expected ${expected}, received ${describeValue(wire)}; ${reasons.join("; ")}`);
    },
    encode(value) {
      // As when reading: the member that takes the value and knows all its keys, else the one that knows most.
      let best: Codec<unknown, unknown> | undefined;
      let dropped = Number.POSITIVE_INFINITY;
      for (const [, codec] of members) {
        if (!codec.is(value)) continue;
        const unknown = codec.unknownKeys?.(value, true) ?? 0;
        if (unknown === 0) return codec.encode(value) as W;
        if (unknown < dropped) [best, dropped] = [codec, unknown];
      }
      return (best ? best.encode(value) : value) as W;
    },
  };
}

/** One field of an object codec, as `required` and `optional` describe it. */
export interface FieldCodec {
  /** The field's name in the model. */
  readonly name: string;
  /** The property's name in the wire form: `name`, or the name JSON carries (`created_at`). */
  readonly wire: string;
  readonly codec: Codec<unknown, unknown>;
  readonly required: boolean;
  /** Whether `null` is a value of the field, besides what `codec` reads. */
  readonly nullable: boolean;
  /** What the field holds, for the message of a required field that is absent. */
  readonly expected: string;
}

/** A field the wire form must carry: `expected` names what it holds when it is absent; `wire`, the name JSON gives it where that is not `name`. */
export function required(name: string, codec: Codec<unknown, unknown>, expected: string, wire: string = name): FieldCodec {
  return fieldCodec(name, codec, true, expected, wire);
}

/** A field the wire form may leave out: absent, it stays absent. */
export function optional(name: string, codec: Codec<unknown, unknown>, wire: string = name): FieldCodec {
  return fieldCodec(name, codec, false, "", wire);
}

function fieldCodec(name: string, codec: Codec<unknown, unknown>, required: boolean, expected: string, wire: string): FieldCodec {
  // The object codec tests a nullable field's null itself, so its walk calls no wrapper.
  const inner = NULLABLE_INNER.get(codec);
  return { name, wire, codec: inner ?? codec, required, nullable: inner !== undefined, expected };
}

/** The codec each `nullable` codec wraps. */
const NULLABLE_INNER = /* @__PURE__ */ new WeakMap<Codec<unknown, unknown>, Codec<unknown, unknown>>();

/** `codec`, taking `null` too (as itself, both ways). */
export function nullable<T, W>(codec: Codec<T, W>): Codec<T | null, W | null> {
  const { unknownKeys } = codec;
  const wrapped: Codec<T | null, W | null> = {
    is: (value): value is T | null => value === null || codec.is(value),
    read: (wire) => (wire === null ? null : codec.read(wire)),
    collect(wire, path, issues) {
      if (wire !== null) codec.collect(wire, path, issues);
    },
    encode: (value) => (value === null ? null : codec.encode(value)),
    ...(unknownKeys ? { unknownKeys: (wire: unknown, model?: boolean) => (wire === null ? 0 : unknownKeys.call(codec, wire, model)) } : {}),
  };
  NULLABLE_INNER.set(wrapped, codec);
  return wrapped;
}

/** A field as the object codec walks it: whether its name is one objects inherit, besides what the field says. */
interface FieldStep extends FieldCodec {
  inherited: boolean;
}

/** Keys every object inherits (`constructor`, `toString`, `__proto__`…): read as own properties only. */
const INHERITED_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * An object model's codec: each field read with its codec (a required one that is absent is an
 * issue; an absent optional one stays absent), and the properties the model does not list
 * dropped, kept or reported, as `unknownKeys` says.
 */
export function objectCodec<T, W>(
  name: string,
  is: (value: unknown) => value is T,
  fields: () => readonly FieldCodec[],
  unknownKeys: "drop" | "keep" | "reject",
): Codec<T, W> {
  let steps: readonly FieldStep[] | undefined;
  let names: ReadonlySet<string> | undefined;
  const walk = (): readonly FieldStep[] => {
    if (steps) return steps;
    steps = fields().map(({ name, wire, codec, required, nullable, expected }) => ({ name, wire, codec, required, nullable, expected, inherited: INHERITED_KEYS.has(name) || INHERITED_KEYS.has(wire) }));
    names = new Set(steps.map((step) => step.wire));
    modelNames = new Set(steps.map((step) => step.name));
    return steps;
  };
  let modelNames: ReadonlySet<string> | undefined;
  // The wire form names each field `wire`; the model, `name`. Own properties only: nothing inherited (a polluted prototype's) is read or copied.
  const read = (source: Record<string, unknown>, step: FieldStep): unknown => ownField(source, step.wire);
  const readModel = (source: Record<string, unknown>, step: FieldStep): unknown => ownField(source, step.name);
  const keepUnknown = (source: Record<string, unknown>, target: Record<string, unknown>, known: ReadonlySet<string>) => {
    for (const key of Object.keys(source)) if (!known.has(key)) setOwn(target, key, source[key]);
  };
  return {
    is,
    unknownKeys(wire, model) {
      if (!isObject(wire)) return 0;
      const list = walk();
      const known = model ? modelNames! : names!;
      let count = 0;
      for (const key in wire) if (hasOwn(wire, key) && !known.has(key)) count += 1;
      for (const step of list) {
        const value = model ? readModel(wire, step) : read(wire, step);
        if (value !== undefined && value !== null && step.codec.unknownKeys) count += step.codec.unknownKeys(value, model);
      }
      return count;
    },
    read(wire) {
      if (!isObject(wire)) return INVALID;
      const list = walk();
      if (unknownKeys === "reject" && !hasOnlyKeys(wire, names!)) return INVALID;
      const target: Record<string, unknown> = {};
      for (let i = 0; i < list.length; i++) {
        const step = list[i]!;
        const value = read(wire, step);
        if (value === undefined) {
          if (step.required) return INVALID;
          continue;
        }
        const converted = value === null && step.nullable ? null : step.codec.read(value);
        if (converted === INVALID) return INVALID;
        if (step.inherited) setOwn(target, step.name, converted);
        else target[step.name] = converted;
      }
      if (unknownKeys === "keep") keepUnknown(wire, target, names!);
      return target as T;
    },
    collect(wire, path, issues) {
      if (!isObject(wire)) {
        pushIssue(issues, path, `${name} object`, wire);
        return;
      }
      const list = walk();
      if (unknownKeys === "reject") {
        for (const key of Object.keys(wire)) if (!names!.has(key)) pushIssue(issues, pathAt(path, key), "no such property", wire[key], "unknown property");
      }
      for (const step of list) {
        const value = read(wire, step);
        if (value === undefined) {
          if (step.required) pushMissing(issues, pathAt(path, step.wire), step.expected);
        } else if (!(value === null && step.nullable) && step.codec.read(value) === INVALID) {
          step.codec.collect(value, pathAt(path, step.wire), issues);
        }
      }
    },
    encode(model) {
      const source = model as Record<string, unknown>;
      const list = walk();
      const target: Record<string, unknown> = {};
      for (let i = 0; i < list.length; i++) {
        const step = list[i]!;
        const value = readModel(source, step);
        if (value === undefined) continue;
        const encoded = value === null && step.nullable ? null : step.codec.encode(value);
        if (step.inherited) setOwn(target, step.wire, encoded);
        else target[step.wire] = encoded;
      }
      if (unknownKeys === "keep") keepUnknown(source, target, modelNames!);
      return target as W;
    },
  };
}

/** The body of `parseX`: one walk that converts a valid value; only an invalid one is walked again for its issues. */
export function decodeWith<T>(codec: Codec<T, unknown>, wire: unknown): ValidationResult<T> {
  try {
    const value = codec.read(wire);
    if (value !== INVALID) return { ok: true, value };
    return { ok: false, issues: collectIssues(wire, (item, path, issues) => codec.collect(item, path, issues)) };
  } catch (error) {
    // Parsed JSON never throws; a getter or proxy handed in as the wire may.
    const issues: ValidationIssue[] = [];
    pushUnreadable(issues, ROOT_PATH, "a valid value", error);
    return { ok: false, issues };
  }
}

/** The body of `xFromJSON`: JSON text read, then decoded; text that is no JSON is one issue at the root. */
export function decodeJSON<T>(codec: Codec<T, unknown>, text: string): ValidationResult<T> {
  let wire: unknown;
  try {
    wire = JSON.parse(text);
  } catch (error) {
    const issues: ValidationIssue[] = [];
    pushIssue(issues, ROOT_PATH, "JSON text", text, `not JSON: ${(error as Error).message}`);
    return { ok: false, issues };
  }
  return decodeWith(codec, wire);
}
//#endregion


//#region output: standardSchema
/*
 * Standard Schema (standardschema.dev): the interface tRPC, Hono, TanStack Form and other
 * frameworks take schemas through, with its JSON Schema extension. Each model's `XSchema`
 * is one: it validates the wire form (what a framework hands it) and outputs the model.
 */

/** What a Standard Schema's `validate` gives: the value, or the issues, each with its message and path. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly ValidationIssue[] };

/** Which JSON Schema a Standard JSON Schema converter is asked for. */
export interface JsonSchemaOptions {
  /** `draft-2020-12` or `draft-07`; other targets throw. */
  readonly target: string;
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

/** A model's own JSON Schema as its module holds it, and the schemas of the models its `$ref`s name. */
export interface SchemaSource {
  /** The model's type name, which also keys it in a bundled schema's `$defs`. */
  readonly name: string;
  /** The text of the model's `.schema.json` file (compact). */
  readonly json: string;
  /** Whether the model's values are their wire form (no date to convert), so the output has a JSON Schema too. */
  readonly plain: boolean;
  /** The schemas the `$ref`s name, by the `$ref` (a file beside this one). */
  readonly refs: () => Readonly<Record<string, ModelSchema<unknown, unknown>>>;
}

/** A model's Standard Schema (version 1, vendor `mdmodel`) and Standard JSON Schema: wire form `W` in, model `T` out. */
export interface ModelSchema<T, W = unknown> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "mdmodel";
    readonly validate: (value: unknown, options?: unknown) => StandardResult<T>;
    readonly types?: { readonly input: W; readonly output: T } | undefined;
    readonly jsonSchema: {
      /** The JSON Schema of the input, the wire form, with every model it reaches under `$defs`. */
      readonly input: (options: JsonSchemaOptions) => Record<string, unknown>;
      /** The same, for a model whose values are their wire form; one holding dates throws, as JSON Schema has no `Date`. */
      readonly output: (options: JsonSchemaOptions) => Record<string, unknown>;
    };
  };
  readonly codec: Codec<T, W>;
  readonly source: SchemaSource;
}

/** The Standard Schema of a model, around its codec. */
export function modelSchema<T, W>(codec: Codec<T, W>, source: SchemaSource): ModelSchema<T, W> {
  const schema: ModelSchema<T, W> = {
    "~standard": {
      version: 1,
      vendor: "mdmodel",
      validate(value) {
        const result = decodeWith(codec, value);
        return result.ok ? { value: result.value } : { issues: result.issues };
      },
      jsonSchema: {
        input: (options) => jsonSchemaOf(schema, options.target),
        output(options) {
          if (!source.plain) throw new Error(`${source.name} holds Date or RFCDate values, which JSON Schema cannot describe; its input (the wire form) has a JSON Schema`);
          return jsonSchemaOf(schema, options.target);
        },
      },
    },
    codec,
    source,
  };
  return schema;
}

/**
 * One self-contained JSON Schema of a model's wire form, for `draft-2020-12` (the default) or
 * `draft-07`: every model it reaches goes into `$defs` (`definitions`), keyed by name, and
 * the `$ref`s between the `.schema.json` files point there.
 */
export function jsonSchemaOf(root: ModelSchema<unknown, unknown>, target = "draft-2020-12"): Record<string, unknown> {
  if (target !== "draft-2020-12" && target !== "draft-07") throw new Error(`mdmodel gives JSON Schema for draft-2020-12 and draft-07, not ${target}`);
  const defsKey = target === "draft-07" ? "definitions" : "$defs";
  const refs = new Map<ModelSchema<unknown, unknown>, string>([[root, "#"]]);
  const used = new Set<string>();
  const defs: Record<string, unknown> = {};
  const refOf = (schema: ModelSchema<unknown, unknown>): string => {
    const known = refs.get(schema);
    if (known !== undefined) return known;
    let key = schema.source.name;
    for (let n = 2; used.has(key); n++) key = `${schema.source.name}${n}`;
    used.add(key);
    const ref = `#/${defsKey}/${key}`;
    refs.set(schema, ref);
    const { $schema: _dialect, $id: _id, ...own } = rewritten(schema, ref);
    setOwn(defs, key, own);
    return ref;
  };
  const rewritten = (schema: ModelSchema<unknown, unknown>, self: string): Record<string, unknown> => {
    const targets = schema.source.refs();
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (node === null || typeof node !== "object") return node;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        if (key === "$ref" && typeof item === "string") setOwn(out, key, item === "#" ? self : refOf(targets[item]!));
        // Values, not schemas: a `$ref` key in an example is data.
        else if (key === "examples" || key === "const" || key === "enum") setOwn(out, key, item);
        else if (key === "properties") setOwn(out, key, Object.fromEntries(Object.entries(item as object).map(([name, field]) => [name, walk(field)])));
        else setOwn(out, key, walk(item));
      }
      return out;
    };
    return walk(JSON.parse(schema.source.json)) as Record<string, unknown>;
  };
  const { $id: _id, ...top } = rewritten(root, "#");
  if (target === "draft-07") top["$schema"] = "http://json-schema.org/draft-07/schema#";
  return Object.keys(defs).length > 0 ? { ...top, [defsKey]: defs } : top;
}
//#endregion
