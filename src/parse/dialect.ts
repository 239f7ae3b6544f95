/**
 * The Type-cell dialects: the language an SDK's docs write their types in. One docs tree
 * has one dialect; it is told by what the pages show (link hosts, type vocabulary, the
 * languages of code blocks), or set by the `dialect` config option.
 */
import { DIALECTS, DIALECT_LABELS, type Dialect } from "../shared/dialects.js";
import type { SourceDoc } from "../shared/source-doc.js";

export { DIALECTS, DIALECT_LABELS, type Dialect };
import type { Family } from "../shared/families.js";
import { detectBySigns, type Clue, type Detection, type TreeSign } from "./tree-signs.js";

/**
 * What each dialect says of `null` where a Type cell carries no wrapper: TypeScript and C#
 * write a nullable field like any other (unknown); the others mark every nullable field,
 * so an unmarked required one is not nullable.
 */
export function marksNulls(dialect: Dialect): boolean {
  return dialect !== "typescript" && dialect !== "csharp";
}

/** One sign of a dialect in a doc: what was seen, and where. */
export type DialectSign = TreeSign<Dialect>;

/** The dialect a tree is in, or why none could be told. */
export type DialectDetection = Detection<Dialect>;

/**
 * Signs that only one dialect's Speakeasy pages show: the hosts its built-in types link to, type
 * names no other dialect writes, and its code-block language.
 */
const SPEAKEASY_CLUES: ReadonlyArray<Clue<Dialect>> = [
  {
    kind: "typescript",
    pattern: /developer\.mozilla\.org|```typescript|\*Record<string|\bRecord<string, \*|\*number\*|\bAxiosResponse\b/,
  },
  {
    kind: "python",
    pattern: /docs\.python\.org|```python|\*(?:Optional|OptionalNullable|Nullable|Literal)\[|\bList\[|\bDict\[str/,
  },
  {
    kind: "go",
    pattern: /pkg\.go\.dev|```go\b|\*\*(?:string|int64|int|bool|float64|float32)\*|\| \[\]|\bmap\[string\]/,
  },
  { kind: "java", pattern: /docs\.oracle\.com|```java\b|\*Optional\\?<|\bList\\<|\bJsonNullable\\?</ },
  { kind: "csharp", pattern: /learn\.microsoft\.com|docs\.unity3d\.com|```csharp|\bDictionary<String,/ },
  { kind: "php", pattern: /www\.php\.net|```php|\barray<\*|\*\?[a-z]+\*|\barray<string, / },
  {
    kind: "ruby",
    pattern: /ruby-doc\.org|rubydoc\.info|```ruby|T\.nilable\(|T::Array<|T::Boolean|\*::(?:String|Integer|Float)\*/,
  },
];

/** OpenAPI Generator's bold type names, each language's own (`**str**`, `Pointer to **string**`, `**OffsetDateTime**`). */
const OPENAPI_GENERATOR_CLUES: ReadonlyArray<Clue<Dialect>> = [
  { kind: "typescript", pattern: /```typescript|\*\*Array&lt;(?:string|number|boolean)&gt;|\{ \[key: string\]: / },
  {
    kind: "go",
    pattern:
      /```go\b|Pointer to \*\*|\*\*\[\]|\*\*map\[string\]|\*\*(?:time\.Time|int64|int32|float32|float64|interface\{\})\*\*/,
  },
  {
    kind: "java",
    pattern:
      /```java\b|\*\*(?:OffsetDateTime|LocalDate|Long|BigDecimal|UUID|URI)\*\*|List&lt;(?:String|Integer|Long|Object|Boolean|Double|Float)&gt;|Map&lt;String, /,
  },
  { kind: "python", pattern: /```python|\*\*(?:str|datetime|bytearray)\*\*|List\[|Dict\[str, / },
  {
    kind: "csharp",
    pattern:
      /```csharp|\*\*(?:long|decimal|DateTime|Guid)\*\*|Dictionary&lt;string, |List&lt;(?:string|int|long|bool|double|decimal)&gt;|^# \w+(?:\.\w+)*\.Model\.\w+/,
  },
  { kind: "php", pattern: /```php|\*\*\\|\[\*\*\\|\*\*(?:mixed|string\[\]|int\[\])\*\*|array&lt;string,|^# # / },
  { kind: "ruby", pattern: /```ruby|\*\*Time\*\*|Hash&lt;String, |Array&lt;(?:String|Integer|Float)&gt;|^# \w+::\w+/ },
];

/** The clues of each family's pages, and the lines they are matched on (OpenAPI Generator's rows may lack the outer pipes). */
const CLUES_OF: Readonly<Record<Family, { clues: ReadonlyArray<Clue<Dialect>>; lines?: RegExp }>> = {
  speakeasy: { clues: SPEAKEASY_CLUES },
  "openapi-generator": { clues: OPENAPI_GENERATOR_CLUES, lines: /^(?:\||```|#|\*\*)/ },
  // Only their TypeScript pages are known: a tree without signs reads as TypeScript.
  apimatic: { clues: [] },
  liblab: { clues: [] },
};

/** Tells the dialect of a tree of `family`'s pages from its Type cells, type links and code blocks. */
export function detectDialect(docs: readonly SourceDoc[], family: Family = "speakeasy"): DialectDetection {
  const { clues, lines } = CLUES_OF[family];
  return detectBySigns(docs, clues, DIALECTS, lines);
}
