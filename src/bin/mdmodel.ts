#!/usr/bin/env node
/** The `mdmodel` command: the process around `cli/main.ts` (its streams, its exit code). */
import module from "node:module";
import { createInterface } from "node:readline/promises";
import type { CliIo } from "../cli/io.js";

// Node 22.1 and later keep V8's compiled code of every module between runs (Node 20 has no such cache).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const io: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
  tty: process.stderr.isTTY === true,
  ...(process.stderr.isTTY ? { hasColors: () => process.stderr.hasColors() } : {}),
  progress: (line) => process.stderr.write(`\r\u001b[K${line}`),
  ...(process.stdin.isTTY && process.stdout.isTTY
    ? {
        confirm: async (question: string) => {
          const prompt = createInterface({ input: process.stdin, output: process.stdout });
          try {
            return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
          } finally {
            prompt.close();
          }
        },
      }
    : {}),
};

try {
  const { main } = await import("../cli/main.js");
  process.exitCode = await main(process.argv.slice(2), io);
} catch (error) {
  // A bug, not a doc or an environment the command could name: one line, and the stack on request.
  io.stderr(
    `mdmodel: internal error: ${(error as Error).message ?? String(error)}; please report it${process.env["MDMODEL_DEBUG"] ? `\n${(error as Error).stack}` : " (MDMODEL_DEBUG=1 prints the stack)"}`,
  );
  process.exitCode = 3;
}
// For the generation benchmark: the process's peak memory, in KB.
if (process.env["MDMODEL_PRINT_RSS"]) process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\n`);
