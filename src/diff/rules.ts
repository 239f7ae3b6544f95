/**
 * The rules of `mdmodel diff`: what each change does to the code that reads the models
 * (response types) and to the code that writes them (request bodies). One table, which the
 * engine, the reporters, `--fail-on` and the README's table all read.
 */

/** What a change does to one audience's code. */
export type Impact = "breaking" | "safe" | "info";

/** The two audiences a change is classified for. */
export type Audience = "readers" | "writers";

export interface Rule {
  readers: Impact;
  writers: Impact;
  /** What the rule reports, for the README's table and `--help`. */
  summary: string;
  /** Reported only with `--verbose` (description changes). */
  verboseOnly?: boolean;
}

export const RULES = {
  "model-added": { readers: "safe", writers: "safe", summary: "a model doc was added" },
  "model-removed": {
    readers: "breaking",
    writers: "breaking",
    summary: "a model doc was removed (or renamed: a hint names the model of the same shape)",
  },
  "model-kind-changed": {
    readers: "breaking",
    writers: "breaking",
    summary: "a model became another kind (object, enum, union)",
  },
  "field-added": { readers: "safe", writers: "safe", summary: "an optional field was added" },
  "field-added-required": { readers: "safe", writers: "breaking", summary: "a required field was added" },
  "field-removed": {
    readers: "breaking",
    writers: "breaking",
    summary: "a field was removed (or renamed: a hint names the field of the same type)",
  },
  "field-made-optional": { readers: "breaking", writers: "safe", summary: "a required field became optional" },
  "field-made-required": { readers: "safe", writers: "breaking", summary: "an optional field became required" },
  "field-made-nullable": { readers: "breaking", writers: "safe", summary: "a field may now be null" },
  "field-made-non-nullable": { readers: "safe", writers: "breaking", summary: "a field may no longer be null" },
  "field-type-widened": {
    readers: "breaking",
    writers: "safe",
    summary: "a field's type accepts more values than before (by structure, through arrays, records, unions and links)",
  },
  "field-type-narrowed": {
    readers: "safe",
    writers: "breaking",
    summary: "a field's type accepts fewer values than before",
  },
  "field-type-changed": {
    readers: "breaking",
    writers: "breaking",
    summary: "a field's type changed to one that is neither wider nor narrower",
  },
  "field-deprecated": { readers: "info", writers: "info", summary: "a field was marked deprecated" },
  "field-undeprecated": { readers: "info", writers: "info", summary: "a field is no longer deprecated" },
  "enum-value-added": {
    readers: "breaking",
    writers: "safe",
    summary: "a closed enum gained a value (an exhaustive switch misses it)",
  },
  "enum-value-removed": { readers: "safe", writers: "breaking", summary: "a closed enum lost a value" },
  "open-enum-value-added": {
    readers: "safe",
    writers: "safe",
    summary: "an open enum gained a value (its type already takes any string)",
  },
  "open-enum-value-removed": {
    readers: "safe",
    writers: "safe",
    summary: "an open enum lost a value (its type still takes any string)",
  },
  "enum-opened": { readers: "breaking", writers: "safe", summary: "a closed enum became open (any string)" },
  "enum-closed": { readers: "safe", writers: "breaking", summary: "an open enum became closed" },
  "union-member-added": { readers: "breaking", writers: "safe", summary: "a union gained a member" },
  "union-member-removed": { readers: "safe", writers: "breaking", summary: "a union lost a member" },
  "union-discriminator-changed": {
    readers: "breaking",
    writers: "breaking",
    summary: "the field that tells a union's members apart changed, appeared or went",
  },
  "example-removed": {
    readers: "breaking",
    writers: "breaking",
    summary:
      "a model's typed example (`fooExample`) is no longer exported: its doc's example no longer fits the model or no longer covers every required field",
  },
  "description-changed": {
    readers: "info",
    writers: "info",
    summary: "a model's or a field's description changed",
    verboseOnly: true,
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** What `--fail-on` chooses. */
export type FailOn = "breaking" | "breaking-for-readers" | "breaking-for-writers" | "any";

export const FAIL_ON: readonly FailOn[] = ["breaking", "breaking-for-readers", "breaking-for-writers", "any"];

/** Whether a reported change of `rule` fails a run with `--fail-on failOn` (`any`: every change reported). */
export function fails(rule: RuleId, failOn: FailOn): boolean {
  const { readers, writers } = RULES[rule];
  switch (failOn) {
    case "breaking":
      return readers === "breaking" || writers === "breaking";
    case "breaking-for-readers":
      return readers === "breaking";
    case "breaking-for-writers":
      return writers === "breaking";
    case "any":
      return true;
  }
}
