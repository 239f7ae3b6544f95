/**
 * The `include` and `exclude` options: the models a run generates, by name or by a glob of doc
 * paths, always with every model they reach (a module imports what it links to). A doc whose
 * model is not generated gives no messages: a team may leave out a broken corner of the tree.
 */
import picomatch from "picomatch";
import type { Config } from "../config/defaults.js";
import { modelRefs } from "../ir/refs.js";
import type { ModelSet } from "../ir/resolve.js";
import { typeNameOf } from "../shared/names.js";

export interface Selection {
  /** The doc paths of the models to generate: those chosen and all they reach. */
  models: ReadonlySet<string>;
  /** Whether a doc's messages are reported: its model is generated, or it has none and its path is chosen. */
  reports(docPath: string, hasModel: boolean): boolean;
  /** The patterns of `include` that chose no model (a misspelt name, a glob of no doc). */
  unmatched: string[];
}

/** The models `config` chooses among `models`; `undefined` when it chooses them all. */
export function selectModels(models: ModelSet, config: Pick<Config, "include" | "exclude">): Selection | undefined {
  if (config.include.length === 0 && config.exclude.length === 0) return undefined;
  const included = patterns(config.include);
  const excluded = patterns(config.exclude);
  const pathChosen = (path: string) =>
    (included.length === 0 || included.some((p) => p.glob(path))) && !excluded.some((p) => p.glob(path));
  const chosen = models.models.filter(
    (model) => (included.length === 0 || included.some((p) => p.model(model))) && !excluded.some((p) => p.model(model)),
  );
  const closure = new Set<string>();
  const work = chosen.map((model) => model.path);
  while (work.length > 0) {
    const path = work.pop()!;
    if (closure.has(path)) continue;
    closure.add(path);
    const model = models.byPath.get(path);
    if (model) work.push(...modelRefs(model).filter((target) => !closure.has(target)));
  }
  return {
    models: closure,
    reports: (docPath, hasModel) => (hasModel ? closure.has(docPath) : pathChosen(docPath)),
    unmatched: included.filter((p) => !models.models.some(p.model)).map((p) => p.text),
  };
}

interface Pattern {
  text: string;
  glob: (path: string) => boolean;
  model: (model: { name: string; path: string }) => boolean;
}

/** A pattern names a model (its title or its TypeScript name) or globs its doc path. */
function patterns(texts: readonly string[]): Pattern[] {
  return texts.map((text) => {
    const glob = picomatch(text, { dot: true });
    return {
      text,
      glob,
      model: (model) => model.name === text || typeNameOf(model) === text || glob(model.path),
    };
  });
}
