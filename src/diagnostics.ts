/**
 * Diagnostics are vfile messages, collected on the file they concern and never thrown:
 * a run reads every doc, reports everything it found, and only then decides to write.
 */
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { Point, Position } from "./ir/types.js";

export type Severity = "error" | "warning" | "info";

/** Rule ids: one per kind of problem, so users can search for them and tests can match them. */
export type RuleId =
  | "not-a-model"
  | "missing-title"
  | "malformed-table"
  | "missing-column"
  | "bad-required"
  | "bad-field-name"
  | "duplicate-field"
  | "bad-type"
  | "unknown-type"
  | "broken-link"
  | "bad-enum"
  | "bad-example"
  | "duplicate-model"
  | "renamed-model";

const SOURCE = "mdmodel";

/** Adds a message to `file`; `error` marks it fatal so the run fails and writes nothing. */
export function report(
  file: VFile,
  severity: Severity,
  reason: string,
  place: Position | Point | undefined,
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

/** Counts messages by severity, for the run summary. */
export function countBySeverity(messages: readonly VFileMessage[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const message of messages) counts[severityOf(message)] += 1;
  return counts;
}
