/** The run that reads every doc: parse → resolve → choose → plan → emit and format. */
import { barrelEntry } from "../emit/plan.js";
import { moduleKeysOf } from "../engine/engine.js";
import { assembleModels } from "../pipeline/assemble.js";
import { warningsBy, withManifest } from "../pipeline/manifest-records.js";
import { planOutcomes } from "../pipeline/plan-outcomes.js";
import { selectModels } from "../pipeline/select.js";
import { countBySeverity, hasErrors } from "../shared/diagnostics.js";
import { emitModules, planModules, statsOf } from "./plan-and-emit.js";
import { seedFromPrevious } from "./previous.js";
import type { GenerateResult, Run } from "./types.js";

/** Every doc read; with a previous output, each module whose key it recorded (and whose file is intact) is that file. */
export async function fullRun(run: Run): Promise<GenerateResult> {
  const { engine, input, config, formatOptions, docs, moduleCache, formatCache } = run;
  // Parse, then resolve: every doc's model and messages, links followed, nullability inferred.
  const reads = await engine.read(docs, run.readOptions, (done, total) =>
    input.onProgress?.({ phase: "reading", done, total }),
  );
  const { models, files, skipped, evidenceBy } = assembleModels(docs, reads, config, [], run.readOptions);
  // The models `include` and `exclude` choose, with all they reach; the other docs say nothing.
  const selection = selectModels(models, config);
  const chosen = selection ? models.models.filter((model) => selection.models.has(model.path)) : models.models;
  const reporting = selection
    ? [...files].filter(([path]) => selection.reports(path, models.byPath.has(path))).map(([, file]) => file)
    : [...files.values()];

  const plans = planModules(run, models, chosen, files, reporting);
  const messages = reporting.flatMap((file) => file.messages);
  const stats = statsOf(run, {
    docs: input.docs.length,
    kinds: chosen.map((model) => model.body.kind),
    skipped,
    warnings: countBySeverity(messages).warning,
  });
  const outcome = {
    messages,
    stats,
    ...planOutcomes(plans),
    sparse: false as const,
    ...(selection && selection.unmatched.length > 0 ? { unmatched: selection.unmatched } : {}),
  };
  if (hasErrors(messages)) return { files: [], ...outcome };

  input.signal?.throwIfAborted();
  const keys = moduleKeysOf({ models, config, formatOptions });
  if (input.previous && moduleCache && formatCache)
    seedFromPrevious(input.previous, run.identity, plans, keys, { moduleCache, formatCache });
  const barrel = plans.map(barrelEntry);
  const { made, records } = await emitModules(run, { plans, models, keys, evidenceBy, barrel, runtime: true });
  return { files: withManifest(run, made, stats, records, warningsBy(files)), ...outcome };
}
