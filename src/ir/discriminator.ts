/** Finds the literal field that tells a union's object members apart (`type: "card"`). */
import { targetOf, type ModelSet } from "./resolve.js";
import type { ResolvedType } from "./types.js";

export interface Discriminator {
  field: string;
  /** The field's name in the wire form (`job_type` for `jobType`), which the union's codec reads. */
  wireField: string;
  cases: Array<{ value: string | number | boolean; member: ResolvedType & { kind: "ref" } }>;
}

/**
 * The first field that every member declares as a required literal, with a different
 * value in each; `undefined` unless every member is an object model.
 */
export function findDiscriminator(members: readonly ResolvedType[], models: ModelSet): Discriminator | undefined {
  const objects = members.map((member) => {
    if (member.kind !== "ref") return undefined;
    const model = targetOf(models, member);
    return model.body.kind === "object" ? { member, fields: model.body.fields } : undefined;
  });
  if (objects.length < 2 || objects.some((object) => object === undefined)) return undefined;
  const [first, ...rest] = objects as Array<NonNullable<(typeof objects)[number]>>;
  for (const candidate of first!.fields) {
    if (!candidate.required || candidate.type.kind !== "literal") continue;
    const cases: Discriminator["cases"] = [{ value: candidate.type.value, member: first!.member }];
    for (const other of rest) {
      const field = other.fields.find((f) => f.name === candidate.name);
      if (
        !field?.required ||
        field.type.kind !== "literal" ||
        (field.wireName ?? field.name) !== (candidate.wireName ?? candidate.name)
      )
        break;
      cases.push({ value: field.type.value, member: other.member });
    }
    const distinct = new Set(cases.map((c) => c.value)).size === objects.length;
    if (cases.length === objects.length && distinct)
      return { field: candidate.name, wireField: candidate.wireName ?? candidate.name, cases };
  }
  return undefined;
}
