/** The resolved configuration: every option filled in one place, once, and checked. */

/** `none`: no field is nullable; `examples`: fields examples set to null; `optional`: those and every optional field. */
export type NullPolicy = "none" | "examples" | "optional";

/** Options that shape the emitted code; filled with defaults by the config. */
export interface EmitOptions {
  /** How `*any*` is typed. */
  anyType: "unknown" | "any";
  /** TypeScript types for external names such as `AxiosResponse`. */
  externalTypes: Readonly<Record<string, string>>;
  /** `union-and-const`: an enum is a literal union and a const of its members; `union`: the union only. */
  enumStyle: "union-and-const" | "union";
  /** Whether object validators accept properties the doc does not list. */
  unknownProperties: "allow" | "reject";
  /** The runtime helpers' module, relative to the output folder. */
  runtimeModule: string;
}

export interface Config extends EmitOptions {
  /** Which fields may hold `null` (see `ir/nullability.ts`). */
  nulls: NullPolicy;
  /** The folder of markdown docs. */
  input: string;
  /** The folder generated code is written to. */
  out: string;
}

export const DEFAULT_CONFIG: Config = {
  input: "seeds",
  out: "generated",
  nulls: "examples",
  anyType: "unknown",
  unknownProperties: "allow",
  enumStyle: "union-and-const",
  externalTypes: {},
  runtimeModule: "runtime.ts",
};

/** Options as a caller gives them: any may be left out or `undefined`. */
export type ConfigInput = { [K in keyof Config]?: Config[K] | undefined };

/** Fills every option the caller left out with its default. */
export function resolveConfig(partial: ConfigInput = {}): Config {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_CONFIG, ...defined };
}
