/**
 * The Type-cell dialects: the language an SDK's docs write their types in. One docs tree
 * has one dialect; it is told by what the pages show (link hosts, type vocabulary, the
 * languages of code blocks), or set by the `dialect` config option.
 */
import { DIALECTS, DIALECT_LABELS, type Dialect } from "../shared/dialects.js";
import type { SourceDoc } from "../shared/source-doc.js";

export { DIALECTS, DIALECT_LABELS, type Dialect };
import { nonModelPath } from "./model-paths.js";

/**
 * What each dialect says of `null` where a Type cell carries no wrapper: TypeScript and C#
 * write a nullable field like any other (unknown); the others mark every nullable field,
 * so an unmarked required one is not nullable.
 */
export function marksNulls(dialect: Dialect): boolean {
  return dialect !== "typescript" && dialect !== "csharp";
}

/** One sign of a dialect in a doc: what was seen, and where. */
export interface DialectSign {
  dialect: Dialect;
  /** What was seen, as written: `docs.python.org`, `*Optional[str]*`, a `go` code block. */
  seen: string;
  path: string;
  line: number;
}

/** The dialect a tree is in, or why none could be told. */
export type DialectDetection =
  | { ok: true; dialect: Dialect; signs: DialectSign[] }
  | { ok: false; reason: "none" | "mixed"; signs: DialectSign[] };

interface Clue {
  dialect: Dialect;
  pattern: RegExp;
}

/**
 * Signs that only one dialect's pages show: the hosts its built-in types link to, type names
 * no other dialect writes, and its code-block language. Each is matched on a Type cell or a
 * fence line, never on prose, so a description that mentions Python does not count.
 */
const CLUES: readonly Clue[] = [
  { dialect: "typescript", pattern: /developer\.mozilla\.org|```typescript|\*Record<string|\bRecord<string, \*|\*number\*|\bAxiosResponse\b/ },
  { dialect: "python", pattern: /docs\.python\.org|```python|\*(?:Optional|OptionalNullable|Nullable|Literal)\[|\bList\[|\bDict\[str/ },
  { dialect: "go", pattern: /pkg\.go\.dev|```go\b|\*\*(?:string|int64|int|bool|float64|float32)\*|\| \[\]|\bmap\[string\]/ },
  { dialect: "java", pattern: /docs\.oracle\.com|```java\b|\*Optional\\?<|\bList\\<|\bJsonNullable\\?</ },
  { dialect: "csharp", pattern: /learn\.microsoft\.com|docs\.unity3d\.com|```csharp|\bDictionary<String,/ },
  { dialect: "php", pattern: /www\.php\.net|```php|\barray<\*|\*\?[a-z]+\*|\barray<string, / },
  { dialect: "ruby", pattern: /ruby-doc\.org|rubydoc\.info|```ruby|T\.nilable\(|T::Array<|T::Boolean|\*::(?:String|Integer|Float)\*/ },
];

/** How many signs detection keeps per dialect, as evidence for the summary and the error. */
const SIGNS_PER_DIALECT = 3;

/** Tells the dialect of a tree from its Type cells, type links and code blocks. */
export function detectDialect(docs: readonly SourceDoc[]): DialectDetection {
  const counts = new Map<Dialect, number>();
  const signs = new Map<Dialect, DialectSign[]>();
  for (const doc of docs) {
    if (nonModelPath(doc.path) !== undefined) continue; // operation pages show every language's usage
    const lines = doc.text.split("\n");
    lines.forEach((line, index) => {
      // Table rows (Type cells) and code fences carry the dialect; prose does not.
      if (!line.startsWith("|") && !line.startsWith("```") && !line.startsWith("#")) return;
      for (const clue of CLUES) {
        const match = clue.pattern.exec(line);
        if (!match) continue;
        counts.set(clue.dialect, (counts.get(clue.dialect) ?? 0) + 1);
        const kept = signs.get(clue.dialect) ?? [];
        if (kept.length < SIGNS_PER_DIALECT) kept.push({ dialect: clue.dialect, seen: match[0], path: doc.path, line: index + 1 });
        signs.set(clue.dialect, kept);
      }
    });
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || DIALECTS.indexOf(a[0]) - DIALECTS.indexOf(b[0]));
  const evidence = ranked.flatMap(([dialect]) => signs.get(dialect) ?? []);
  if (ranked.length === 0) return { ok: false, reason: "none", signs: [] };
  const [first, second] = ranked;
  // A stray sign of another dialect (one page copied from elsewhere) does not make a tree mixed.
  if (second && second[1] * 20 > first![1]) return { ok: false, reason: "mixed", signs: evidence };
  return { ok: true, dialect: first![0], signs: signs.get(first![0]) ?? [] };
}

/** The evidence of a detection as one line: `python (docs.python.org at models/a.md:7, …)`. */
export function describeSigns(signs: readonly DialectSign[]): string {
  const byDialect = new Map<Dialect, DialectSign[]>();
  for (const sign of signs) byDialect.set(sign.dialect, [...(byDialect.get(sign.dialect) ?? []), sign]);
  return [...byDialect]
    .map(([dialect, list]) => `${DIALECT_LABELS[dialect]} (${list.map((sign) => `\`${sign.seen}\` at ${sign.path}:${sign.line}`).join(", ")})`)
    .join("; ");
}
