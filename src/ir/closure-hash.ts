/**
 * A key per model for the module cache: a hash of the model and of every model it
 * reaches through refs. A module's code depends on nothing else but the options, so two
 * runs with equal keys emit the same module. Computed over the strongly connected
 * components of the ref graph, in linear time: a component's hash covers its members and
 * the hashes of the components it refers to.
 */
import { sha256Hex as sha } from "../shared/hash.js";
import type { ModelSet } from "./resolve.js";
import { modelRefs, stronglyConnected } from "./refs.js";

/** Each model's key, by doc path; `salt` stands for everything else that shapes output. */
export function closureHashes(models: ModelSet, salt: string): Map<string, string> {
  const paths = models.models.map((model) => model.path);
  const own = new Map(models.models.map((model) => [model.path, sha(JSON.stringify(model))]));
  const refs = new Map(
    models.models.map((model) => [model.path, [...new Set(modelRefs(model))].filter((path) => own.has(path))]),
  );
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
