/**
 * The per-module steps of a run (emit, format, the barrel), as pure functions over plain
 * data, so the main thread and the worker threads run exactly the same code.
 */
import type { Options as PrettierOptions } from "prettier";
import type { Config } from "../config/defaults.js";
import { emitBarrels } from "../emit/barrel.js";
import { emitModule } from "../emit/module.js";
import type { BarrelEntry, ModulePlan } from "../emit/plan.js";
import type { OutputFile } from "../shared/output-file.js";
import type { ModelSet } from "../ir/resolve.js";
import { formatJson, formatModules, formatTypeScript } from "../write/format.js";
import { sha256Hex } from "../shared/hash.js";

/** What formatting needs: the prettier options, and the format keys the caller already holds. */
export interface FormatContext {
  formatOptions: PrettierOptions;
  /** Keys (see `formatKey`) whose formatted text the caller has: those are not formatted again. */
  known: ReadonlySet<string>;
}

/** What emitting needs: every model of the run, the config, and how to format. */
export interface EmitContext extends FormatContext {
  models: ModelSet;
  config: Config;
}

/** A module as emitted: its format key, and its formatted text unless the caller knows that key. */
export interface FormattedFile {
  path: string;
  key: string;
  content?: string;
}

/** The key of a formatted text: the unformatted text and the options that shape it. */
export function formatKey(text: string, formatOptions: PrettierOptions): string {
  return sha256Hex(`${JSON.stringify(formatOptions)}\0${text}`);
}

/** Formats one file, TypeScript or JSON by its name, unless the caller already holds the result. */
export async function formatStep(file: OutputFile, context: FormatContext): Promise<FormattedFile> {
  // A JSON text never starts with the banner comment every module does, so the keys of the two never meet.
  const key = formatKey(file.content, context.formatOptions);
  if (context.known.has(key)) return { path: file.path, key };
  const format = file.path.endsWith(".json") ? formatJson : formatTypeScript;
  return { path: file.path, key, content: await format(file.content, context.formatOptions) };
}

/** A module to emit: its plan, less the model, which the context has. */
export type ModuleJob = Omit<ModulePlan, "model"> & { modelPath: string };

/** Emits and formats the modules of `jobs`, several per prettier call. */
export async function emitStep(jobs: readonly ModuleJob[], context: EmitContext): Promise<FormattedFile[]> {
  const modules = jobs.map(({ modelPath, ...plan }) => {
    const module = emitModule(
      { ...plan, model: context.models.byPath.get(modelPath)! },
      context.models,
      context.config,
    );
    return { path: module.path, key: formatKey(module.content, context.formatOptions), content: module.content };
  });
  const unknown = modules.filter((module) => !context.known.has(module.key));
  const formatted = await formatModules(
    unknown.map((module) => module.content),
    context.formatOptions,
  );
  const byKey = new Map(unknown.map((module, index) => [module.key, formatted[index]!]));
  return modules.map(({ path, key }) => (byKey.has(key) ? { path, key, content: byKey.get(key)! } : { path, key }));
}

export type { BarrelEntry };

/** Emits and formats the barrels the config asks for. */
export async function barrelStep(entries: readonly BarrelEntry[], context: EmitContext): Promise<FormattedFile[]> {
  const barrels = [];
  for (const file of emitBarrels(entries, context.config)) barrels.push(await formatStep(file, context));
  return barrels;
}
