/**
 * The progress display of a long run, redrawn in place on one terminal line: reading,
 * emitting and formatting, writing. Only on a terminal, never in CI logs.
 */
import type { CliIo } from "./io.js";

export type Phase = "reading docs" | "emitting and formatting modules" | "writing files";

export interface Progress {
  update(phase: Phase, done: number, total: number): void;
  /** Clears the line, before the run prints its report. */
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

/** A progress line for `io`, or one that shows nothing when the run is short, quiet, not on a terminal or in CI. */
export function progressFor(io: CliIo, options: { docs: number; quiet: boolean; text: boolean }): Progress {
  const ci = (io.env["CI"] ?? "") !== "" && io.env["CI"] !== "false";
  if (!io.tty || ci || options.quiet || !options.text || options.docs <= PROGRESS_THRESHOLD) return SILENT;
  let last = 0;
  let drawn = false;
  return {
    update(phase, done, total) {
      const now = performance.now();
      if (done !== total && now - last < 100) return;
      last = now;
      drawn = true;
      io.progress(`mdmodel: ${phase} ${done}/${total}`);
    },
    done() {
      if (drawn) io.progress("");
    },
  };
}

/** Runs of more docs than this show a progress line. */
export const PROGRESS_THRESHOLD = 300;
