/**
 * What a run tells the user, as plain data the reporters print: each message with its file
 * (relative to the working folder, so terminals and editors open it), and the drift.
 */
import type { VFileMessage } from "vfile-message";
import { severityOf, type Severity } from "../../shared/diagnostics.js";

/** One message of a doc. */
export interface Finding {
  /** The doc, relative to the working folder, with `/`. */
  file: string;
  /** The doc's path inside the input folder (the key of its text and of the manifest). */
  docPath: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** One kind of difference between the output folder and what the docs produce. */
export interface DriftEntry {
  /**
   * `stale`: mdmodel wrote it and the docs now produce other text; `edited`: changed by hand
   * since; `missing`: not there; `removed`: mdmodel wrote it and no doc produces it now;
   * `conflict`: where the docs put a file, something mdmodel did not write; `shadow`: a file an
   * import of a generated module could load instead of it; `leftover`: an interrupted run's
   * journal, staging folder or lock.
   */
  kind: "stale" | "edited" | "missing" | "removed" | "conflict" | "shadow" | "leftover";
  /** The file, relative to the working folder, with `/`. */
  file: string;
}

/** Messages as findings; `docPrefix` is the input folder relative to the working folder. */
export function toFindings(messages: readonly VFileMessage[], docPrefix: string): Finding[] {
  return messages.map((message) => {
    const docPath = message.file ?? "";
    const place = message.place;
    const end = place && "end" in place ? place.end : undefined;
    return {
      // A message about the config, not a doc (`<config>`), names no doc path.
      file: docPath.startsWith("<") ? docPath : joinPath(docPrefix, docPath),
      docPath,
      line: message.line ?? 1,
      column: message.column ?? 1,
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      severity: severityOf(message),
      rule: message.ruleId ?? "mdmodel",
      message: message.reason,
    };
  });
}

/** `docs` + `models/a.md` → `docs/models/a.md`; `.` adds nothing. */
export function joinPath(prefix: string, path: string): string {
  return prefix === "" || prefix === "." ? path : `${prefix.replace(/\/$/, "")}/${path}`;
}

/** Findings of one cause: the same severity, rule and message, at every place it occurs. */
export interface FindingGroup {
  severity: Severity;
  rule: string;
  message: string;
  places: Finding[];
}

/** Findings grouped by cause, in the order each cause first occurs. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.severity}\0${finding.rule}\0${finding.message}`;
    let group = groups.get(key);
    if (!group) {
      group = { severity: finding.severity, rule: finding.rule, message: finding.message, places: [] };
      groups.set(key, group);
    }
    group.places.push(finding);
  }
  return [...groups.values()];
}
