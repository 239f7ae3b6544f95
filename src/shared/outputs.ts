/**
 * What a run generates for each model, named once: the config checks these names, the emitter
 * makes the enabled ones, and the docs list them with what each costs.
 */

/** Every output, in the order a module declares them. */
export const OUTPUTS = ["types", "validators", "wire", "standardSchema", "jsonSchema", "builders", "examples"] as const;

export type Output = (typeof OUTPUTS)[number];

/**
 * Named sets of outputs: `default` is every output but the `.schema.json` files (the Standard
 * Schema carries the same JSON Schema, so the text is written once), `all` every output,
 * `validators` the declarations and the guards, `types` the declarations alone.
 */
export const OUTPUT_PRESETS = {
  default: ["types", "validators", "wire", "standardSchema", "builders", "examples"],
  all: OUTPUTS,
  validators: ["types", "validators"],
  types: ["types"],
} as const satisfies Record<string, readonly Output[]>;

export type OutputPreset = keyof typeof OUTPUT_PRESETS;

/** The `outputs` option as written: a preset's name or a list of outputs. */
export type OutputsSetting = OutputPreset | readonly Output[];

/** What each output's code calls in another: the codec checks with the guard, the builder with the assert, the Standard Schema is the codec's. */
const NEEDS: Readonly<Record<Output, readonly Output[]>> = {
  types: [],
  validators: ["types"],
  wire: ["validators"],
  standardSchema: ["wire"],
  jsonSchema: ["types"],
  builders: ["validators"],
  examples: ["types"],
};

/** The outputs a setting enables: those it names, every output they need, and the types always. */
export function enabledOutputs(setting: OutputsSetting): ReadonlySet<Output> {
  const named: readonly Output[] = typeof setting === "string" ? OUTPUT_PRESETS[setting] : setting;
  const enabled = new Set<Output>();
  const add = (output: Output): void => {
    if (enabled.has(output)) return;
    enabled.add(output);
    NEEDS[output].forEach(add);
  };
  ["types" as const, ...named].forEach(add);
  return new Set(OUTPUTS.filter((output) => enabled.has(output)));
}
