/** The links between resolved models: which models a type or a model names, and what reaches what. */
import type { ModelSet } from "./resolve.js";
import { bodyTypes, typeLeaves, type ResolvedModel, type ResolvedType } from "./types.js";

/** The doc paths of the models `type` names, in order, with repeats. */
export function refTargets(type: ResolvedType): string[] {
  return typeLeaves(type).flatMap((leaf) => (leaf.kind === "ref" ? [leaf.target] : []));
}

/** The doc paths of the models `model`'s fields or members name. */
export function modelRefs(model: ResolvedModel): string[] {
  return bodyTypes(model).flatMap(refTargets);
}

/** Whether a chain of links leads from any of `from` to the model at `to` (iteratively: chains may be long). */
export function reaches(models: ModelSet, from: readonly string[], to: string): boolean {
  const seen = new Set<string>();
  const work = [...from];
  while (work.length > 0) {
    const path = work.pop()!;
    if (path === to) return true;
    if (seen.has(path)) continue;
    seen.add(path);
    const model = models.byPath.get(path);
    if (model) work.push(...modelRefs(model));
  }
  return false;
}

const recursiveMemo = new WeakMap<ModelSet, ReadonlySet<string>>();

/** The doc paths of the models that reach themselves through links (computed once per model set). */
export function recursiveModels(models: ModelSet): ReadonlySet<string> {
  let found = recursiveMemo.get(models);
  if (found) return found;
  const refs = new Map(
    models.models.map((model) => [
      model.path,
      [...new Set(modelRefs(model))].filter((path) => models.byPath.has(path)),
    ]),
  );
  const recursive = new Set<string>();
  for (const component of stronglyConnected([...refs.keys()], refs)) {
    if (component.length > 1 || refs.get(component[0]!)!.includes(component[0]!))
      component.forEach((path) => recursive.add(path));
  }
  found = recursive;
  recursiveMemo.set(models, found);
  return found;
}

/** How a model's wire form differs from the model: date-times, calendar dates or big integers held as strings, or fields under other names. */
export type WireChange = "date" | "rfcDate" | "bigint" | "renamed";

const WIRE_CHANGES: readonly WireChange[] = ["date", "rfcDate", "bigint", "renamed"];

const changesMemo = new WeakMap<ModelSet, ReadonlyMap<WireChange, ReadonlySet<string>>>();

/** Whether `model` itself makes `change` in its wire form (not through the models it names). */
function makesChange(model: ResolvedModel, change: WireChange): boolean {
  if (change === "renamed")
    return model.body.kind === "object" && model.body.fields.some((field) => field.wireName !== undefined);
  return bodyTypes(model).some((type) => typeLeaves(type).some((leaf) => leaf.kind === change));
}

/**
 * For each change, the doc paths of the models whose wire form makes it: those that make it
 * themselves and every model that reaches one (computed once per set).
 */
export function wireChanges(models: ModelSet): ReadonlyMap<WireChange, ReadonlySet<string>> {
  let found = changesMemo.get(models);
  if (found) return found;
  const back = new Map<string, string[]>();
  for (const model of models.models)
    for (const target of new Set(modelRefs(model))) {
      const from = back.get(target);
      if (from) from.push(model.path);
      else back.set(target, [model.path]);
    }
  found = new Map(
    WIRE_CHANGES.map((change) => {
      const work = models.models.filter((model) => makesChange(model, change)).map((model) => model.path);
      const making = new Set<string>();
      while (work.length > 0) {
        const path = work.pop()!;
        if (making.has(path)) continue;
        making.add(path);
        work.push(...(back.get(path) ?? []));
      }
      return [change, making];
    }),
  );
  changesMemo.set(models, found);
  return found;
}

/** The doc paths of the models whose wire form names a field otherwise than the model does, or reaches one that does. */
export function wireRenamedModels(models: ModelSet): ReadonlySet<string> {
  return wireChanges(models).get("renamed")!;
}

/** Tarjan's strongly connected components, iteratively (a long ref chain must not overflow the stack). */
export function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
