/** Runs the built `mdmodel` command (dist/, as installed packages run it) in `cwd`. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** The command as `npm run generate` and installed packages start it (`MDMODEL_CLI` runs another build, say an earlier commit's, against the same tests). */
export const CLI = process.env["MDMODEL_CLI"] ?? join(process.cwd(), "dist", "bin", "mdmodel.js");

/** The run most tests make: the docs of `docs/` into `out/`. */
export const GENERATE_DOCS = ["generate", "--input", "docs", "--out", "out"] as const;

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function mdmodel(cwd: string, ...args: string[]): Promise<Outcome> {
  return mdmodelWith({}, cwd, ...args);
}

/** `mdmodel` with environment variables set (a value) or taken away (`undefined`). */
export async function mdmodelWith(
  env: Record<string, string | undefined>,
  cwd: string,
  ...args: string[]
): Promise<Outcome> {
  const environment = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete environment[key];
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd, env: environment });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
