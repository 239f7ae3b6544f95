/** The commands and options of the command line, written once: parsing, `--help` and "did you mean" all read them. */
import { didYouMean } from "../shared/text.js";

/** A command's parsed options: a repeatable option's value is the list of what was given. */
export type OptionValues = Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** A string option that may be given more than once; its value is the list. */
  multiple?: true;
  /** The value's placeholder in the help text, for string options. */
  value?: string;
  help: string;
}

/** `--config`, which generate and diff read alike. */
const CONFIG_OPTION = {
  type: "string",
  value: "FILE",
  help: 'read options from FILE (default: the nearest mdmodel.config.json or package.json "mdmodel")',
} as const satisfies OptionSpec;

export const GENERATE_OPTIONS = {
  input: { type: "string", value: "DIR", help: "folder of markdown model docs, read recursively (default: seeds)" },
  out: { type: "string", value: "DIR", help: "folder to write TypeScript into (default: generated)" },
  check: { type: "boolean", help: "write nothing; exit 1 if the output folder differs from what the docs produce" },
  full: {
    type: "boolean",
    help: "regenerate and compare everything, reusing neither the output folder nor the caches",
  },
  force: {
    type: "boolean",
    help: "replace files mdmodel did not write (no manifest lists them) where the docs now put a generated file",
  },
  base: {
    type: "string",
    value: "REF",
    help: "with --check: trust the output as committed at REF (origin/main, say) for what no doc change reaches",
  },
  cache: { type: "boolean", help: "--no-cache: neither read nor write the caches in node_modules/.cache/mdmodel" },
  watch: { type: "boolean", help: "regenerate whenever a doc changes" },
  config: CONFIG_OPTION,
  outputs: {
    type: "string",
    value: "LIST",
    help: "what each module holds, over the config's: a preset (default, all, validators, types) or a comma-separated list of types, validators, wire, standardSchema, jsonSchema, builders, examples",
  },
  include: {
    type: "string",
    multiple: true,
    value: "MODEL",
    help: "generate this model (a name, or a glob of doc paths) and what it reaches; repeatable, over the config's include",
  },
  exclude: {
    type: "string",
    multiple: true,
    value: "MODEL",
    help: "leave out this model (a name, or a glob of doc paths) unless an included one reaches it; repeatable",
  },
  barrel: { type: "string", value: "KIND", help: "index (one index.ts), folders (one per folder) or none" },
  "type-check": {
    type: "string",
    value: "WHAT",
    help: "declarations (files marked // @ts-nocheck, the default) or all (a project's tsc checks every generated file)",
  },
  reporter: {
    type: "string",
    value: "NAME",
    help: "text, json or github (annotations; the default when GITHUB_ACTIONS=true)",
  },
  strict: { type: "boolean", help: "treat warnings as errors" },
  quiet: { type: "boolean", help: "print only errors and drift" },
  verbose: { type: "boolean", help: "also print info notes (skipped pages, renamed models)" },
  help: { type: "boolean", short: "h", help: "print this help" },
} as const satisfies Record<string, OptionSpec>;

export const INIT_OPTIONS = {
  input: { type: "string", value: "DIR", help: "the docs folder the config names (default: docs)" },
  out: { type: "string", value: "DIR", help: "the output folder the config names (default: src/models)" },
  force: { type: "boolean", help: "overwrite an existing mdmodel.config.json" },
  help: { type: "boolean", short: "h", help: "print this help" },
} as const satisfies Record<string, OptionSpec>;

export const DIFF_OPTIONS = {
  base: {
    type: "string",
    value: "REF|DIR",
    help: "the old docs: a git ref (origin/main, a tag, a commit; read with git, no checkout), or a folder written as a path (./old-docs, ../sdk/docs, /abs/path)",
  },
  input: { type: "string", value: "DIR", help: "the new docs (default: the config's input, else seeds)" },
  "fail-on": {
    type: "string",
    value: "WHAT",
    help: "breaking (for readers or writers; the default), breaking-for-readers, breaking-for-writers or any",
  },
  config: CONFIG_OPTION,
  reporter: {
    type: "string",
    value: "NAME",
    help: "text, json, github (annotations; the default when GITHUB_ACTIONS=true) or markdown (a pull-request comment)",
  },
  verbose: { type: "boolean", help: "also report description changes" },
  help: { type: "boolean", short: "h", help: "print this help" },
} as const satisfies Record<string, OptionSpec>;

export const TOP_OPTIONS = {
  version: { type: "boolean", short: "v", help: "print mdmodel's version" },
  help: { type: "boolean", short: "h", help: "print this help" },
} as const satisfies Record<string, OptionSpec>;

export const COMMANDS = {
  generate: { summary: "read the docs and write (or --check) the TypeScript", options: GENERATE_OPTIONS },
  diff: {
    summary:
      "tell what the doc changes since a git ref or folder break, for code that reads the models and code that writes them",
    options: DIFF_OPTIONS,
  },
  init: { summary: "write mdmodel.config.json and add the generate scripts to package.json", options: INIT_OPTIONS },
} as const;

export type CommandName = keyof typeof COMMANDS;

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = name === "cache" ? "--no-cache" : `--${name}`;
    const left = `${spec.short ? `-${spec.short}, ` : ""}${flag}${spec.value ? ` ${spec.value}` : ""}`;
    return [left, spec.help.replace(/^--no-cache: /, "")] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`);
}

/** `mdmodel --help`, and what a bare `mdmodel` prints. */
export function topHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    "Usage: mdmodel <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    "",
    "Options:",
    ...optionLines(TOP_OPTIONS),
    "",
    "`mdmodel <command> --help` lists a command's options.",
  ].join("\n");
}

/** `mdmodel <command> --help`. */
export function commandHelp(command: CommandName): string {
  const args = {
    generate: "[--input DIR] [--out DIR] [--check] [--watch] [--config FILE] [options]",
    diff: "--base REF|DIR [--input DIR] [--fail-on WHAT] [--reporter NAME]",
    init: "[--input DIR] [--out DIR] [--force]",
  }[command];
  return [
    `Usage: mdmodel ${command} ${args}`,
    "",
    `${COMMANDS[command].summary[0]!.toUpperCase()}${COMMANDS[command].summary.slice(1)}.`,
    "",
    "Options:",
    ...optionLines(COMMANDS[command].options),
  ].join("\n");
}

/**
 * The first argument that names no option of `options`, with the closest one that does;
 * `undefined` when every option is known. `--no-x` is known when `x` is a boolean.
 */
export function unknownOption(
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): { given: string; hint?: string } | undefined {
  const known = Object.entries(options).flatMap(([name, spec]) =>
    spec.type === "boolean" && name !== "help" ? [name, `no-${name}`] : [name],
  );
  const shorts = new Map(
    Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0]!;
      if (options[name]?.type === "string" && !arg.includes("=")) i++; // its value may start with "-"
      const negated = name.startsWith("no-") ? name.slice(3) : undefined;
      if (Object.hasOwn(options, name) || (negated !== undefined && options[negated]?.type === "boolean")) continue;
      const hint = didYouMean(name, known);
      return hint ? { given: `--${name}`, hint: `--${hint}` } : { given: `--${name}` };
    }
    if (arg.startsWith("-") && arg.length > 1 && !shorts.has(arg.slice(1, 2))) return { given: arg };
  }
  return undefined;
}

/** The closest command to a mistyped one. */
export function closestCommand(given: string): string | undefined {
  return didYouMean(given, Object.keys(COMMANDS));
}
