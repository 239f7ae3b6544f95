/**
 * How a type of the new docs relates to a type of the old ones, by structure: the same,
 * wider (it accepts every old value and more), narrower, or neither. Links are followed into
 * the models they name, so a model moved to another doc with the same shape is the same type.
 */
import { targetOf, type ModelSet } from "../ir/resolve.js";
import type { ResolvedModel, ResolvedType } from "../ir/types.js";

export type Relation = "same" | "wider" | "narrower" | "different";

/** The two sides of a diff: the old docs' models and the new ones'. */
export interface Sides {
  base: ModelSet;
  head: ModelSet;
}

interface Typed {
  type: ResolvedType;
  set: ModelSet;
}

/**
 * `head` against `base`. Links to the same doc path on both sides count as the same type:
 * what changed inside that model is reported on the model itself, once.
 */
export function relate(base: ResolvedType, head: ResolvedType, sides: Sides): Relation {
  const checker = new Subtyping(true);
  const down = checker.sub({ type: base, set: sides.base }, { type: head, set: sides.head });
  const up = checker.sub({ type: head, set: sides.head }, { type: base, set: sides.base });
  if (down && up) return "same";
  if (down) return "wider";
  if (up) return "narrower";
  return "different";
}

/** Whether two models have the same shape, following every link (for "did you rename?" hints). */
export function sameShape(base: ResolvedModel, head: ResolvedModel, sides: Sides): boolean {
  const checker = new Subtyping(false);
  const a = { model: base, set: sides.base };
  const b = { model: head, set: sides.head };
  return checker.subModel(a, b) && checker.subModel(b, a);
}

interface SidedModel {
  model: ResolvedModel;
  set: ModelSet;
}

class Subtyping {
  /** Pairs of models being compared: assumed related while in progress, so cycles end. */
  readonly #assumed = new Set<string>();

  constructor(
    /** Links to one doc path on both sides are the same type without looking inside. */
    readonly samePathIsSame: boolean,
  ) {}

  /** Whether every value of `x` is a value of `y`. */
  sub(x: Typed, y: Typed): boolean {
    const a = x.type;
    const b = y.type;
    if (b.kind === "unknown") return true;
    if (a.kind === "union") return a.members.every((member) => this.sub({ type: member, set: x.set }, y));
    if (a.kind === "ref" && b.kind === "ref" && this.samePathIsSame && a.target === b.target) return true;
    if (a.kind === "ref") {
      const model = targetOf(x.set, a);
      if (model.body.kind !== "object") return this.sub({ type: asUnion(model), set: x.set }, y);
    }
    if (b.kind === "union") return b.members.some((member) => this.sub(x, { type: member, set: y.set }));
    if (b.kind === "ref") {
      const model = targetOf(y.set, b);
      if (model.body.kind !== "object") return this.sub(x, { type: asUnion(model), set: y.set });
      return a.kind === "ref" && this.subModel({ model: targetOf(x.set, a), set: x.set }, { model, set: y.set });
    }
    switch (a.kind) {
      case "ref":
        return false;
      case "literal":
        return (
          (b.kind === "literal" && b.value === a.value) ||
          b.kind === typeof a.value ||
          (b.kind === "integer" && Number.isInteger(a.value))
        );
      case "integer":
        return b.kind === "integer" || b.kind === "number"; // every integer is a number, not the reverse
      case "array":
        return b.kind === "array" && this.sub({ type: a.element, set: x.set }, { type: b.element, set: y.set });
      case "record":
        return b.kind === "record" && this.sub({ type: a.value, set: x.set }, { type: b.value, set: y.set });
      case "platform":
        return b.kind === "platform" && b.name === a.name;
      case "external":
        return b.kind === "external" && b.name === a.name;
      default:
        return b.kind === a.kind;
    }
  }

  /** Whether every value of model `x` is a value of model `y`. */
  subModel(x: SidedModel, y: SidedModel): boolean {
    const key = `${x.set === y.set ? "=" : "~"}${x.model.path}\0${y.model.path}`;
    if (this.#assumed.has(key)) return true;
    this.#assumed.add(key);
    try {
      const a = x.model.body;
      const b = y.model.body;
      if (a.kind === "object" && b.kind === "object") {
        const fields = new Map(a.fields.map((field) => [field.name, field]));
        // Extra fields on the new side's values are allowed for a subtype, so both directions hold only when the fields match.
        if (!this.samePathIsSame && a.fields.length !== b.fields.length) return false;
        return b.fields.every((target) => {
          const field = fields.get(target.name);
          if (!field) return !target.required;
          if (target.required && !field.required) return false;
          if (field.nullable && !target.nullable) return false;
          return this.sub({ type: field.type, set: x.set }, { type: target.type, set: y.set });
        });
      }
      if (a.kind === "object" || b.kind === "object") return false;
      return this.sub({ type: asUnion(x.model), set: x.set }, { type: asUnion(y.model), set: y.set });
    } finally {
      this.#assumed.delete(key);
    }
  }
}

/** An enum as the union of its literals (an open one also takes any string or number); a union model as its members. */
function asUnion(model: ResolvedModel): ResolvedType {
  const body = model.body;
  if (body.kind === "union") return { kind: "union", members: body.members.map((member) => member.type) };
  if (body.kind === "enum") {
    const members: ResolvedType[] = body.members.map((member) => ({ kind: "literal", value: member.value }));
    if (body.open) members.push({ kind: typeof body.members[0]?.value === "number" ? "number" : "string" });
    return { kind: "union", members };
  }
  throw new Error(`asUnion: ${model.path} is an object model`);
}
