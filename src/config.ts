/** The resolved configuration: every option filled in one place, once. */
import type { EmitOptions } from "./emit/context.js";
import type { NullPolicy } from "./ir/nullability.js";

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
