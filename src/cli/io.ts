/** What the command line prints to and where it runs, so tests can run it in-process. */

/** Exit codes, documented in the README: each has one meaning. */
export const EXIT = { ok: 0, drift: 1, invalidDocs: 2, usage: 3 } as const;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  cwd: string;
  /** The environment (`NO_COLOR`, `FORCE_COLOR`, `TERM`, `CI`, `GITHUB_ACTIONS`…). */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: the progress display only then, and colors unless the environment says otherwise. */
  tty: boolean;
  /** The terminal's own answer to whether it shows colors (Node's `hasColors()`). */
  hasColors?: () => boolean;
  /** Redraws the progress line in place (a terminal only). */
  progress: (line: string) => void;
  /** Asks a yes/no question on a terminal; `undefined` when there is no terminal to ask on. */
  confirm?: (question: string) => Promise<boolean>;
}
