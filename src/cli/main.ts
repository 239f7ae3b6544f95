/**
 * The command line: `mdmodel <command> [options]`, `--version`, `--help`. The only room that
 * reads argv, prints, and decides the exit code. A command's code is loaded only when it
 * runs, so `--version` and `--help` load nothing else.
 */
import { parseArgs } from "node:util";
import { PACKAGE } from "../package-info.js";
import { EXIT, type CliIo } from "./io.js";
import { printable } from "./report/printable.js";
import {
  closestCommand,
  commandHelp,
  COMMANDS,
  topHelp,
  unknownOption,
  type CommandName,
  type OptionSpec,
  type OptionValues,
} from "./usage.js";

export { EXIT, type CliIo } from "./io.js";

/** Runs the command line and returns the exit code (`--watch` returns when stopped). */
export async function main(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stdout(topHelp());
    return EXIT.ok;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(PACKAGE.version);
    return EXIT.ok;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    io.stdout(first === "help" && topic !== undefined && isCommand(topic) ? commandHelp(topic) : topHelp());
    return EXIT.ok;
  }
  if (!isCommand(first)) {
    const hint = closestCommand(first);
    const what = first.startsWith("-") ? `unknown option ${first}` : `unknown command "${first}"`;
    return usageError(io, `${what}${hint && !first.startsWith("-") ? `; did you mean "${hint}"?` : ""}`, topHelp());
  }
  const options: Readonly<Record<string, OptionSpec>> = COMMANDS[first].options;
  const unknown = unknownOption(rest, options);
  if (unknown) {
    return usageError(
      io,
      `unknown option ${unknown.given}${unknown.hint ? `; did you mean ${unknown.hint}?` : ""}`,
      `Run \`mdmodel ${first} --help\` for the options.`,
    );
  }
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      allowNegative: true,
      options: toParseArgs(options),
    }));
  } catch (error) {
    return usageError(io, (error as Error).message, `Run \`mdmodel ${first} --help\` for the options.`);
  }
  if (values["help"] === true) {
    io.stdout(commandHelp(first));
    return EXIT.ok;
  }
  if (positionals.length > 0)
    return usageError(
      io,
      `unexpected argument "${positionals[0]}"`,
      `Run \`mdmodel ${first} --help\` for the options.`,
    );
  if (first === "init") {
    const { runInit } = await import("./init-command.js");
    return runInit(values, io);
  }
  if (first === "diff") {
    const { runDiff } = await import("./diff-command.js");
    return runDiff(values, io);
  }
  const { runGenerate } = await import("./generate-command.js");
  return runGenerate(values, io, rest, signal);
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function usageError(io: CliIo, message: string, hint: string): number {
  io.stderr(`mdmodel: ${printable(message)}\n${hint}`);
  return EXIT.usage;
}

function toParseArgs(options: Readonly<Record<string, OptionSpec>>) {
  return Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
}
