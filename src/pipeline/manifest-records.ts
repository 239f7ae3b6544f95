/** What the manifest records of a run: each model doc's record (for later sparse runs), the warnings by doc, and who made the output from what. */
import type { VFile } from "vfile";
import { exportsName, type ModulePlan } from "../emit/plan.js";
import { modelRefs } from "../ir/refs.js";
import { WIRE_EVIDENCE } from "../ir/wire-names.js";
import { PACKAGE } from "../package-info.js";
import { countBySeverity } from "../shared/diagnostics.js";
import type { OutputFile } from "../shared/output-file.js";
import { readingLabel, type ReadOptions } from "../shared/read-options.js";
import type { SourceDoc } from "../shared/source-doc.js";
import { compareText } from "../shared/text.js";
import { docHashes, manifestFile, type ManifestStats, type ModelRecord } from "../write/manifest.js";

/** What the manifest says of the run itself: the generator, the inputs' key, how the docs were read, the docs. */
export interface ManifestSource {
  identity: string;
  key: string;
  readOptions: ReadOptions;
  input: { docs: readonly SourceDoc[] };
}

/** What the manifest records of a model doc, for a later run that reads only what changed. */
export function recordOf(
  plan: ModulePlan,
  keys: ReadonlyMap<string, string>,
  evidenceBy: ReadonlyMap<string, string[]>,
  formatKeys: ReadonlyMap<string, string>,
): ModelRecord {
  const { model } = plan;
  return {
    name: model.name,
    kind: model.body.kind,
    refs: [...new Set(modelRefs(model))].sort(compareText),
    ...evidenceRecord(evidenceBy.get(model.path) ?? []),
    key: keys.get(model.path)!,
    files: [plan.path, ...plan.files],
    formats: [formatKeys.get(plan.path)!, ...plan.files.map((path) => formatKeys.get(path)!)],
    example: exportsName(plan, "example"),
  };
}

/** A doc's evidence as the record keeps it: null evidence always, wire names only when there are some (older manifests have none). */
function evidenceRecord(keys: readonly string[]): Pick<ModelRecord, "nulls" | "wires"> {
  const wires = keys.filter((key) => key.includes(WIRE_EVIDENCE));
  const nulls = keys.filter((key) => !key.includes(WIRE_EVIDENCE));
  return wires.length > 0 ? { nulls, wires } : { nulls };
}

/** How many warnings each doc gave, for the docs that gave any. */
export function warningsBy(files: ReadonlyMap<string, VFile>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [path, file] of files) {
    const warnings = countBySeverity(file.messages).warning;
    if (warnings > 0) counts[path] = warnings;
  }
  return sortedRecord(counts);
}

/** The output with its manifest: who made it, from what, and (for later sparse runs) each model doc's record. */
export function withManifest(
  run: ManifestSource,
  output: OutputFile[],
  stats: ManifestStats,
  models: Record<string, ModelRecord>,
  warnings: Record<string, number>,
): OutputFile[] {
  const by = { mdmodel: PACKAGE.version, identity: run.identity, stats };
  const plain = output.map(({ path, content }) => ({ path, content }));
  const files = [
    ...plain,
    manifestFile(plain, {
      by,
      inputs: {
        key: run.key,
        dialect: readingLabel(run.readOptions),
        docs: docHashes(run.input.docs),
        models: sortedRecord(models),
        warnings,
      },
    }),
  ];
  return files.sort((a, b) => compareText(a.path, b.path));
}

/** `record` with its keys in text order, so the manifest's JSON is the same on every run. */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
