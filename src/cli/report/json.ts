/**
 * The JSON reporter: one document on stdout, for tools. Its shape is stable (`version` says
 * which); the README documents every field. It lists every message, with nothing grouped or
 * left out, and every drift entry.
 */
import type { RunReport } from "./run-report.js";

export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  command: "generate" | "check";
  exitCode: 0 | 1 | 2 | 3;
  ok: boolean;
  out: string;
  /** The config file the options came from, relative to the working folder; `null` when none. */
  config: string | null;
  summary: RunReport["summary"] | null;
  messages: Array<{
    file: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    severity: string;
    rule: string;
    message: string;
  }>;
  drift: Array<{ kind: string; file: string }>;
  failure: string | null;
  fix: string | null;
}

export function jsonReport(report: RunReport): string {
  const document: JsonReport = {
    version: JSON_REPORT_VERSION,
    command: report.command,
    exitCode: report.exitCode,
    ok: report.exitCode === 0,
    out: report.out,
    config: report.config ?? null,
    summary: report.summary ?? null,
    messages: report.findings.map(({ file, line, column, endLine, endColumn, severity, rule, message }) => ({
      file,
      line,
      column,
      ...(endLine !== undefined ? { endLine } : {}),
      ...(endColumn !== undefined ? { endColumn } : {}),
      severity,
      rule,
      message,
    })),
    drift: report.drift.map(({ kind, file }) => ({ kind, file })),
    failure: report.failure ?? null,
    fix: report.exitCode === 1 ? (report.fix ?? null) : null,
  };
  return JSON.stringify(document, null, 2);
}
