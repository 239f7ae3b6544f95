/**
 * Enum values the examples show. APIMatic's enum pages give member names without values, so the
 * values were assumed from the names (`parse/pages/apimatic.ts`); where an example elsewhere in
 * the tree puts a string at that enum's place which is a member's name but for case and
 * separators (`"Credit"` for `Credit`, `"full-price"` for `Fullprice`), that string is the value.
 */
import type { ModelSet } from "./resolve.js";
import { walkExample } from "./example-walk.js";
import { examplesOf } from "./examples.js";
import type { EnumMember, ResolvedModel } from "./types.js";

/** The models with the values of assumed enums taken from the examples where they show them. */
export function inferEnumValues(models: ModelSet): ModelSet {
  if (!models.models.some((model) => model.body.kind === "enum" && model.body.assumedValues === true)) return models;
  const shown = new Map<string, Set<string>>();
  for (const model of models.models) {
    for (const [value, type] of examplesOf(model)) {
      walkExample(
        value,
        type,
        models,
        (_target, fields, key) => fields.find((field) => field.name === key || field.wireName === key),
        0,
        (target, literal) => {
          if (literal.kind !== "string" || target.body.kind !== "enum" || target.body.assumedValues !== true) return;
          shown.set(target.path, (shown.get(target.path) ?? new Set<string>()).add(literal.value));
        },
      );
    }
  }
  if (shown.size === 0) return models;
  const valued = models.models.map((model): ResolvedModel => {
    const strings = shown.get(model.path);
    if (!strings || model.body.kind !== "enum") return model;
    const members = restyled(
      model.body.members.map((member) => withShownValue(member, strings)),
      model.body.members,
    );
    // Two members given one value would make one of them unreachable: then the assumption stands.
    if (new Set(members.map((member) => member.value)).size !== members.length) return model;
    return { ...model, body: { ...model.body, members } };
  });
  return { models: valued, byPath: new Map(valued.map((model) => [model.path, model])) };
}

function withShownValue(member: EnumMember, strings: ReadonlySet<string>): EnumMember {
  if (typeof member.value !== "string" || strings.has(member.value) || member.name === undefined) return member;
  const name = folded(member.name.replace(/^Enum(?=[A-Z\d])/, ""));
  const matches = [...strings].filter((value) => folded(value) === name);
  return matches.length === 1 ? { ...member, value: matches[0]! } : member;
}

/** How an assumed value may be written from a member's name; snake_case is the assumption itself. */
const STYLES: ReadonlyArray<(name: string) => string> = [
  (name) => spaced(name) ?? name, // as written: `Credit`, and "Business Software" for `EnumBusinessSoftware`
  (name) => snake(name).replace(/_/g, "-"), // `full-price`
  (name) => (spaced(name) ?? name).toLowerCase(), // "managed avalara"
];

/**
 * The members the examples do not show, written in the style of those they do: when every shown
 * value is its name in one style other than snake_case (`Credit` is "Credit"), the others follow it
 * (`Debit` is "Debit").
 */
function restyled(members: readonly EnumMember[], assumed: readonly EnumMember[]): EnumMember[] {
  const shown = members.filter((member, index) => member.value !== assumed[index]!.value && member.name !== undefined);
  if (shown.length === 0) return [...members];
  const style = STYLES.find((write) => shown.every((member) => write(member.name!) === member.value));
  if (!style) return [...members];
  return members.map((member, index) =>
    member.value === assumed[index]!.value && member.name !== undefined
      ? { ...member, value: style(member.name) }
      : member,
  );
}

function spaced(name: string): string | undefined {
  const words = /^Enum(?=[A-Z\d])(.+)$/.exec(name)?.[1];
  return words?.replace(/(?<=[a-z\d])(?=[A-Z])/g, " ");
}

function snake(name: string): string {
  return name.replace(/(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, "_").toLowerCase();
}

/** `Full-Price`, `full_price` and `FullPrice` are one name but for case and separators. */
function folded(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
}
