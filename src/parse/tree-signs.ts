/**
 * Tells which of several kinds a docs tree is (its family, its dialect) from signs only one
 * kind's pages show. Signs are matched on table rows, fences and headings, never on prose, so a
 * description that mentions Python does not count.
 */
import type { SourceDoc } from "../shared/source-doc.js";
import { nonModelPath } from "./model-paths.js";

/** A sign of a kind: a pattern matched on one line of a page. */
export interface Clue<K> {
  kind: K;
  pattern: RegExp;
}

/** One sign seen in a doc: what, and where. */
export interface TreeSign<K> {
  kind: K;
  /** What was seen, as written: `docs.python.org`, `*Optional[str]*`, a `go` code block. */
  seen: string;
  path: string;
  line: number;
}

/** The kind a tree is, or why none could be told. */
export type Detection<K> =
  { ok: true; kind: K; signs: Array<TreeSign<K>> } | { ok: false; reason: "none" | "mixed"; signs: Array<TreeSign<K>> };

/** How many signs detection keeps per kind, as evidence for the summary and the error. */
const SIGNS_PER_KIND = 3;

/** Lines that may carry a sign by default: table rows, fences and headings. */
const SIGN_LINE = /^(?:\||```|#)/;

/**
 * Counts the clues of each kind over `docs`, on the lines `lines` matches, once per line or
 * once per page (`unit`); `order` breaks ties.
 * A stray sign of a second kind does not make a tree mixed.
 */
export function detectBySigns<K>(
  docs: readonly SourceDoc[],
  clues: ReadonlyArray<Clue<K>>,
  order: readonly K[],
  lines: RegExp = SIGN_LINE,
  unit: "line" | "page" = "line",
): Detection<K> {
  const counts = new Map<K, number>();
  const signs = new Map<K, Array<TreeSign<K>>>();
  for (const doc of docs) {
    if (nonModelPath(doc.path) !== undefined) continue; // operation pages show every language's usage
    const counted = new Set<K>();
    doc.text.split("\n").forEach((line, index) => {
      if (!lines.test(line)) return;
      for (const clue of clues) {
        const match = clue.pattern.exec(line);
        if (!match) continue;
        if (unit === "page" && counted.has(clue.kind)) continue;
        counted.add(clue.kind);
        counts.set(clue.kind, (counts.get(clue.kind) ?? 0) + 1);
        const kept = signs.get(clue.kind) ?? [];
        if (kept.length < SIGNS_PER_KIND)
          kept.push({ kind: clue.kind, seen: match[0], path: doc.path, line: index + 1 });
        signs.set(clue.kind, kept);
      }
    });
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  const evidence = ranked.flatMap(([kind]) => signs.get(kind) ?? []);
  if (ranked.length === 0) return { ok: false, reason: "none", signs: [] };
  const [first, second] = ranked;
  // A page copied from elsewhere is a stray sign; one in twenty is a second kind.
  if (second && second[1] * 20 > first![1]) return { ok: false, reason: "mixed", signs: evidence };
  return { ok: true, kind: first![0], signs: signs.get(first![0]) ?? [] };
}

/** The evidence of a detection as one line: `Python (\`docs.python.org\` at models/a.md:7, …)`. */
export function describeSigns<K extends string>(
  signs: ReadonlyArray<TreeSign<K>>,
  labels: Readonly<Record<K, string>>,
): string {
  const byKind = new Map<K, Array<TreeSign<K>>>();
  for (const sign of signs) byKind.set(sign.kind, [...(byKind.get(sign.kind) ?? []), sign]);
  return [...byKind]
    .map(
      ([kind, list]) =>
        `${labels[kind]} (${list.map((sign) => `\`${sign.seen}\` at ${sign.path}:${sign.line}`).join(", ")})`,
    )
    .join("; ");
}

/** The first sign of a kind other than the most common one: where the tree departs from itself. */
export function signOfSecond<K>(signs: ReadonlyArray<TreeSign<K>>): TreeSign<K> {
  return signs.find((sign) => sign.kind !== signs[0]!.kind) ?? signs[0]!;
}
