/** Walks an example literal along the type it documents, to the object models' fields it sets. */
import { targetOf, type ModelSet } from "./resolve.js";
import type { ExampleValue, ResolvedField, ResolvedModel, ResolvedType } from "./types.js";

/** Called for each key of an object model's literal; returns the field whose type the walk goes on into, if any. */
export type OnEntry = (
  target: ResolvedModel,
  fields: readonly ResolvedField[],
  key: string,
  item: ExampleValue,
) => ResolvedField | undefined;

/** Called for each literal at an enum model's place. */
export type OnEnum = (target: ResolvedModel, value: ExampleValue) => void;

/** Goes through arrays, records and every member of a union (the literal may be any of them); calls `onEntry` at objects and `onEnum` at enums. */
export function walkExample(
  value: ExampleValue,
  type: ResolvedType,
  models: ModelSet,
  onEntry: OnEntry,
  depth = 0,
  onEnum?: OnEnum,
): void {
  if (depth > 64) return; // A literal is finite, but a cyclic type must not make this walk so.
  switch (type.kind) {
    case "array":
      if (value.kind === "array")
        value.items.forEach((item) => walkExample(item, type.element, models, onEntry, depth + 1, onEnum));
      return;
    case "record":
      if (value.kind === "object")
        value.entries.forEach(([, item]) => walkExample(item, type.value, models, onEntry, depth + 1, onEnum));
      return;
    case "union":
      type.members.forEach((member) => walkExample(value, member, models, onEntry, depth + 1, onEnum));
      return;
    case "ref": {
      const target = targetOf(models, type);
      if (target.body.kind === "union") {
        target.body.members.forEach((member) => walkExample(value, member.type, models, onEntry, depth + 1, onEnum));
      } else if (target.body.kind === "object" && value.kind === "object") {
        for (const [key, item] of value.entries) {
          const field = onEntry(target, target.body.fields, key, item);
          if (field) walkExample(item, field.type, models, onEntry, depth + 1, onEnum);
        }
      } else if (target.body.kind === "enum") {
        onEnum?.(target, value);
      }
      return;
    }
    default:
      return;
  }
}
