/** The steps the full and the sparse run share, once the models are resolved: plan, emit and format, count. */
import type { VFile } from "vfile";
import { ownFiles, planModule, type BarrelEntry, type ModulePlan } from "../emit/plan.js";
import { emitRuntime } from "../emit/runtime.js";
import { readModelExamples } from "../ir/examples.js";
import type { ModelSet } from "../ir/resolve.js";
import type { ModelDoc, ResolvedModel } from "../ir/types.js";
import { recordOf } from "../pipeline/manifest-records.js";
import { reportExampleProblems } from "../pipeline/plan-outcomes.js";
import { applyRuleSeverities } from "../pipeline/rule-severity.js";
import type { OutputFile } from "../shared/output-file.js";
import type { ModelRecord } from "../write/manifest.js";
import type { GenerateStats, Run } from "./types.js";

/**
 * Plan each model's module (its examples, read once here, and its exports); the plans' example
 * problems join their docs' messages, and the config's rule severities apply to `reporting`.
 */
export function planModules(
  run: Run,
  models: ModelSet,
  chosen: readonly ResolvedModel[],
  files: ReadonlyMap<string, VFile>,
  reporting: Iterable<VFile>,
): ModulePlan[] {
  const plans = chosen.map((model) => planModule(model, models, readModelExamples(model, models), run.config));
  reportExampleProblems(plans, files);
  applyRuleSeverities(reporting, run.config);
  return plans;
}

/** What the emit step made: the files, each with its format key, and each planned model doc's record for the manifest. */
export interface Emitted {
  made: Array<OutputFile & { key: string }>;
  records: Record<string, ModelRecord>;
}

/**
 * Emit and format the plans' modules, the barrel (`undefined`: the one there stands), the
 * runtime (unless the one there stands) and each module's own files.
 */
export async function emitModules(
  run: Run,
  step: {
    plans: readonly ModulePlan[];
    models: ModelSet;
    /** Each module's key (`moduleKeysOf`), which its record keeps. */
    keys: ReadonlyMap<string, string>;
    evidenceBy: ReadonlyMap<string, string[]>;
    barrel: readonly BarrelEntry[] | undefined;
    runtime: boolean;
  },
): Promise<Emitted> {
  const { config, formatOptions, input } = run;
  const { plans, models } = step;
  const runtime = step.runtime ? [emitRuntime(input.runtimeTemplate, config)] : [];
  const onEmitted = (done: number, total: number) => input.onProgress?.({ phase: "emitting", done, total });
  const made = await run.engine.emit(
    plans,
    step.barrel,
    [...runtime, ...plans.flatMap((plan) => ownFiles(plan, config))],
    { models, config, formatOptions },
    step.keys,
    onEmitted,
  );
  const formatKeys = new Map(made.map((file) => [file.path, file.key]));
  const records = Object.fromEntries(
    plans.map((plan) => [plan.model.path, recordOf(plan, step.keys, step.evidenceBy, formatKeys)]),
  );
  return { made, records };
}

/** The run's figures: `kinds` are those of every model the output holds. */
export function statsOf(
  run: Run,
  counts: { docs: number; kinds: ReadonlyArray<ModelDoc["body"]["kind"]>; skipped: number; warnings: number },
): GenerateStats {
  const { readOptions } = run;
  return {
    docs: counts.docs,
    models: counts.kinds.length,
    modelsByKind: countKinds(counts.kinds),
    skipped: counts.skipped,
    warnings: counts.warnings,
    dialect: readOptions.dialect,
    dialectFrom: run.dialectFrom,
    ...(readOptions.family ? { family: readOptions.family } : {}),
  };
}

export function countKinds(kinds: ReadonlyArray<ModelDoc["body"]["kind"]>): GenerateStats["modelsByKind"] {
  const counts = { object: 0, enum: 0, union: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}
