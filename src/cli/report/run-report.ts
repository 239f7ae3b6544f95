/** What one `generate` or `--check` run found and did, for the reporters to print. */
import type { Severity } from "../../shared/diagnostics.js";
import type { Dialect } from "../../shared/dialects.js";
import type { Family } from "../../shared/families.js";
import type { DriftEntry, Finding } from "./findings.js";

export interface RunSummary {
  docs: number;
  models: number;
  modelsByKind: { object: number; enum: number; union: number };
  skipped: number;
  /** The dialect the docs were read in (absent in a manifest older than dialects). */
  dialect?: Dialect;
  /** The generator whose pages the docs are, when not Speakeasy's. */
  family?: Family;
  errors: number;
  warnings: number;
  /** The output's files: written, left as they were, removed (generate); or their count (check). */
  files?: { written: number; unchanged: number; removed: number } | { checked: number };
  /** The manifest vouched for the output without regenerating. */
  vouched: boolean;
  /** Only the docs a change reaches were read and only the modules that reach it made; the rest were the output's own. */
  sparse?: { read: number; made: number };
  /** Why every doc was read although an output of an earlier run was there. */
  readAll?: string;
  ms: number;
}

export interface RunReport {
  command: "generate" | "check";
  exitCode: 0 | 1 | 2 | 3;
  /** The output folder, relative to the working folder. */
  out: string;
  summary?: RunSummary;
  findings: Finding[];
  drift: DriftEntry[];
  /** A unified diff per stale or edited file, by its `file`. */
  diffs: Map<string, string[]>;
  /** Docs unchanged since the manifest was written: `--check` does not repeat their warnings. */
  unchangedDocs: ReadonlySet<string>;
  /** The docs whose findings the run gives, when not every doc's (a sparse run; none for a run the manifest vouched for). */
  reportedDocs?: ReadonlySet<string>;
  /** `--watch`: findings an earlier run printed that are gone now, and how many of this run's it printed already (not repeated). */
  resolved?: Finding[];
  shownBefore?: number;
  /** Warnings of docs a sparse run did not read again: the manifest counts them, the previous run showed them. */
  warningsNotRead?: number;
  /** Notes shown only with `--verbose`, such as files in the output folder that mdmodel did not write. */
  notes: string[];
  /** Lines shown whatever the verbosity (but `--quiet`), such as a file mdmodel kept rather than removed. */
  said?: string[];
  /** The command that fixes the drift. */
  fix?: string;
  /** Why the run could not go on (exit 2 or 3), when that is no finding: a folder that is a file, a full disk. */
  failure?: string;
  /** `--strict` made warnings count as errors. */
  strict: boolean;
  /** The config file the options came from, as the working folder sees it (absent when none). */
  config?: string;
}

/** Which findings a reporter shows: errors and warnings, infos with `--verbose`, no warnings with `--quiet` (unless they fail the run). */
export function shown(severity: Severity, options: { verbose: boolean; quiet: boolean; strict: boolean }): boolean {
  if (severity === "info") return options.verbose;
  if (severity === "warning") return !options.quiet || options.strict;
  return true;
}
