/**
 * A key per model for the module cache: a hash of the model and of every model it
 * reaches through refs. A module's code depends on nothing else but the options, so two
 * runs with equal keys emit the same module.
 */
import { createHash } from "node:crypto";
import type { ModelSet } from "./resolve.js";
import type { ModelDoc, TypeExpr } from "./types.js";

/** Each model's key, by doc path; `salt` stands for everything else that shapes output. */
export function closureHashes(models: ModelSet, salt: string): Map<string, string> {
  const own = new Map(models.models.map((model) => [model.path, sha(JSON.stringify(model))]));
  const refs = new Map(models.models.map((model) => [model.path, refsOf(model)]));
  const keys = new Map<string, string>();
  for (const model of models.models) {
    const reached = new Set([model.path]);
    const queue = [model.path];
    while (queue.length > 0) {
      for (const next of refs.get(queue.pop()!) ?? []) {
        if (!reached.has(next) && own.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    const parts = [...reached].sort().map((path) => `${path}\0${own.get(path)}`);
    // Models in one cycle reach the same set, so the key must also say which module it is.
    keys.set(model.path, sha(`${salt}\n${model.path}\n${parts.join("\n")}`));
  }
  return keys;
}

function refsOf(model: ModelDoc): string[] {
  const found: string[] = [];
  const visit = (type: TypeExpr): void => {
    if (type.kind === "ref" && type.target !== undefined) found.push(type.target);
    else if (type.kind === "array") visit(type.element);
    else if (type.kind === "record") visit(type.value);
    else if (type.kind === "union") type.members.forEach(visit);
  };
  if (model.body.kind === "object") model.body.fields.forEach((field) => visit(field.type));
  if (model.body.kind === "union") model.body.members.forEach((member) => visit(member.type));
  return found;
}

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
