/**
 * What `--watch` has printed of the docs' findings, so that each run prints only the findings
 * that are new and names those that went away. A finding is known by its doc, rule and message,
 * not its line: a line added above it moves it without making it new.
 */
import type { Finding } from "./findings.js";
import type { RunReport } from "./run-report.js";

export class ShownFindings {
  /** Per doc, the findings last printed or last known for it. */
  readonly #byDoc = new Map<string, Finding[]>();

  /**
   * The report as a watch run prints it: only findings not printed before, the ones printed before
   * that this run no longer gives (of the docs it read), and how many it does not repeat. Remembers
   * this run's findings.
   */
  next(report: RunReport): RunReport {
    // A run that failed before reading (a usage or file-system failure) tells nothing of the docs.
    const reported = report.failure !== undefined ? new Set<string>() : report.reportedDocs;
    const told = (path: string) => reported === undefined || reported.has(path);
    const now = new Map<string, Finding[]>();
    for (const finding of report.findings) now.set(finding.docPath, [...(now.get(finding.docPath) ?? []), finding]);

    const fresh: Finding[] = [];
    const resolved: Finding[] = [];
    for (const path of new Set([...this.#byDoc.keys(), ...now.keys()])) {
      if (!told(path)) continue;
      const before = this.#byDoc.get(path) ?? [];
      const after = now.get(path) ?? [];
      fresh.push(...unmatched(after, before));
      resolved.push(...unmatched(before, after));
      if (after.length > 0) this.#byDoc.set(path, after);
      else this.#byDoc.delete(path);
    }
    // In the report's own order, which is the docs' order.
    const isFresh = new Set(fresh);
    const findings = report.findings.filter((finding) => isFresh.has(finding));
    const printed = (finding: Finding) => finding.severity !== "info";
    return {
      ...report,
      findings,
      resolved: resolved.filter(printed),
      shownBefore: report.findings.filter((finding) => printed(finding) && !isFresh.has(finding)).length,
    };
  }
}

/** The findings of `list` that `other` has no match for, each match used once. */
function unmatched(list: readonly Finding[], other: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const finding of other) left.set(keyOf(finding), (left.get(keyOf(finding)) ?? 0) + 1);
  return list.filter((finding) => {
    const count = left.get(keyOf(finding)) ?? 0;
    if (count > 0) left.set(keyOf(finding), count - 1);
    return count === 0;
  });
}

function keyOf(finding: Finding): string {
  return `${finding.severity}\0${finding.rule}\0${finding.message}`;
}
