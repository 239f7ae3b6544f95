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

const renamedMemo = new WeakMap<ModelSet, ReadonlySet<string>>();

/**
 * The doc paths of the models whose wire form names a field otherwise than the model does:
 * a model with a `wireName` field, and every model that reaches one (computed once per set).
 */
export function wireRenamedModels(models: ModelSet): ReadonlySet<string> {
  let found = renamedMemo.get(models);
  if (found) return found;
  const back = new Map<string, string[]>();
  for (const model of models.models)
    for (const target of modelRefs(model)) back.set(target, [...(back.get(target) ?? []), model.path]);
  const work = models.models
    .filter((model) => model.body.kind === "object" && model.body.fields.some((field) => field.wireName !== undefined))
    .map((model) => model.path);
  const renamed = new Set<string>();
  while (work.length > 0) {
    const path = work.pop()!;
    if (renamed.has(path)) continue;
    renamed.add(path);
    work.push(...(back.get(path) ?? []));
  }
  found = renamed;
  renamedMemo.set(models, found);
  return found;
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
