/** Runs the real `mdmodel` command (through tsx, as `npm run generate` does) in `cwd`. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
export const CLI = join(process.cwd(), "src", "cli.ts");

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function mdmodel(cwd: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
