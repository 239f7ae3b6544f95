/**
 * A key per model for the module cache: a hash of the model and of every model it
 * reaches through refs. A module's code depends on nothing else but the options, so two
 * runs with equal keys emit the same module. Computed over the strongly connected
 * components of the ref graph, in linear time: a component's hash covers its members and
 * the hashes of the components it refers to.
 */
import { sha256Hex as sha } from "../shared/hash.js";
import type { ModelSet } from "./resolve.js";
import type { ResolvedModel, ResolvedType } from "./types.js";

/** Each model's key, by doc path; `salt` stands for everything else that shapes output. */
export function closureHashes(models: ModelSet, salt: string): Map<string, string> {
  const paths = models.models.map((model) => model.path);
  const own = new Map(models.models.map((model) => [model.path, sha(JSON.stringify(model))]));
  const refs = new Map(models.models.map((model) => [model.path, [...new Set(refsOf(model))].filter((path) => own.has(path))]));
  const components = stronglyConnected(paths, refs);
  // Tarjan's algorithm yields components callees-first, so each one's dependencies are hashed before it.
  const componentOf = new Map<string, number>();
  components.forEach((members, index) => members.forEach((path) => componentOf.set(path, index)));
  const componentHash: string[] = [];
  components.forEach((members, index) => {
    const inside = [...members].sort().map((path) => `${path}\0${own.get(path)}`);
    const outside = new Set<string>();
    for (const path of members) {
      for (const next of refs.get(path)!) {
        const other = componentOf.get(next)!;
        if (other !== index) outside.add(componentHash[other]!);
      }
    }
    componentHash[index] = sha(`${inside.join("\n")}\n--\n${[...outside].sort().join("\n")}`);
  });
  // Models in one cycle share a component, so the key must also say which module it is.
  return new Map(paths.map((path) => [path, sha(`${salt}\n${path}\n${componentHash[componentOf.get(path)!]}`)]));
}

/** Tarjan's strongly connected components, iteratively (a long ref chain must not overflow the stack). */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
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

function refsOf(model: ResolvedModel): string[] {
  const found: string[] = [];
  const visit = (type: ResolvedType): void => {
    if (type.kind === "ref") found.push(type.target);
    else if (type.kind === "array") visit(type.element);
    else if (type.kind === "record") visit(type.value);
    else if (type.kind === "union") type.members.forEach(visit);
  };
  if (model.body.kind === "object") model.body.fields.forEach((field) => visit(field.type));
  if (model.body.kind === "union") model.body.members.forEach((member) => visit(member.type));
  return found;
}
