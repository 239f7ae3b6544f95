/** Text helpers every room uses: a locale-independent order, "did you mean", and short quotes of long text. */

/** Locale-independent ordering, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The closest known name within a small edit distance, for "did you mean". */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const bare = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(bare.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(bare, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** How much of a long text a message quotes. */
const QUOTE_LENGTH = 60;

/** A text for a message: on one line, and cut with `...` past `QUOTE_LENGTH` characters. */
export function abbreviate(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH - 3)}...` : line;
}
