/**
 * Diagnostics are vfile messages, collected on the file they concern and never thrown:
 * a run reads every doc, reports everything it found, and only then decides to write.
 */
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { Point, Position } from "./position.js";

export type Severity = "error" | "warning" | "info";

/** Rule ids: one per kind of problem, so users can search for them, tests can match them and the `rules` option can set their severity. */
export const RULE_IDS = [
  "not-a-model",
  "missing-title",
  "front-matter",
  "malformed-table",
  "missing-column",
  "bad-required",
  "bad-field-name",
  "duplicate-field",
  "bad-type",
  "unknown-type",
  "broken-link",
  "bad-enum",
  "bad-example",
  "duplicate-model",
  "renamed-model",
  "shadowed-setter",
  "unknown-override",
  "doc-too-large",
  "doc-too-complex",
  "bad-path",
  "sdk-type",
  "empty-union",
  "enum-values-assumed",
  "nulls-assumed",
  "wire-names-assumed",
  "dialect",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const SOURCE = "mdmodel";

/** Where a doc starts: the place of a message about the doc as a whole. */
export const DOC_START: Point = { line: 1, column: 1 };

/** Where a markdown node starts; every node the parser makes has a position, hand-made ones may not. */
export function startOf(node: { position?: Position | undefined } | undefined): Point {
  return node?.position?.start ?? DOC_START;
}

/** Adds a message to `file` at `place`, which every message has; `error` marks it fatal so the run fails and writes nothing. */
export function report(
  file: VFile,
  severity: Severity,
  reason: string,
  place: Position | Point,
  ruleId: RuleId,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = severity === "error" ? true : severity === "warning" ? false : undefined;
  return message;
}

/** The severity of a message, read back from vfile's `fatal` convention. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? "error" : message.fatal === false ? "warning" : "info";
}

/** `true` when any message is an error. */
export function hasErrors(messages: readonly VFileMessage[]): boolean {
  return messages.some((message) => message.fatal === true);
}

/** One line per message: `path:line:column: severity reason [rule]`. */
export function formatMessage(message: VFileMessage): string {
  const where = `${message.file}:${message.line ?? 1}:${message.column ?? 1}`;
  return `${where}: ${severityOf(message)} ${message.reason} [${message.ruleId ?? "mdmodel"}]`;
}

const COLORS: Record<Severity, string> = { error: "\u001b[31m", warning: "\u001b[33m", info: "\u001b[36m" };
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/**
 * A message as the CLI prints it: the `file:line:column` line and, when the doc's text
 * is known, a code frame of the offending line with a caret under the column.
 */
export function formatDiagnostic(message: VFileMessage, source: string | undefined, color: boolean): string {
  const severity = severityOf(message);
  const paint = (text: string, code: string) => (color ? `${code}${text}${RESET}` : text);
  const where = `${message.file}:${message.line ?? 1}:${message.column ?? 1}`;
  const head = `${where}: ${paint(severity, COLORS[severity])} ${message.reason} ${paint(`[${message.ruleId ?? "mdmodel"}]`, DIM)}`;
  if (source === undefined || message.line == null || severity === "info") return head;
  const text = source.split(/\r?\n/)[message.line - 1];
  if (text === undefined) return head;
  const gutter = String(message.line);
  const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
  const caretAt = Math.min(Math.max((message.column ?? 1) - 1, 0), shown.length);
  const caret = `${" ".repeat(gutter.length)} | ${shown.slice(0, caretAt).replace(/[^\t]/g, " ")}^`;
  return `${head}\n${paint(`${gutter} |`, DIM)} ${shown}\n${paint(caret, COLORS[severity])}`;
}

/** Counts messages by severity, for the run summary. */
export function countBySeverity(messages: readonly VFileMessage[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const message of messages) counts[severityOf(message)] += 1;
  return counts;
}

/** A message as plain data, for the read cache. */
export interface SavedMessage {
  reason: string;
  ruleId: RuleId;
  severity: Severity;
  place: Position | Point;
}

/** The messages of a file, as plain data. */
export function saveMessages(file: VFile): SavedMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    ruleId: (message.ruleId ?? "not-a-model") as RuleId,
    severity: severityOf(message),
    place: (message.place as Position | Point | undefined) ?? DOC_START,
  }));
}

/** Reports saved messages on a file again. */
export function restoreMessages(file: VFile, saved: readonly SavedMessage[]): void {
  for (const message of saved) report(file, message.severity, message.reason, message.place, message.ruleId);
}
