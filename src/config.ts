/** The resolved configuration: every option filled in one place, once, and checked. */
import type { EmitOptions } from "./emit/context.js";
import type { NullPolicy } from "./ir/nullability.js";
import { didYouMean } from "./ir/resolve.js";

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

/** The options a config file may set, and the values each accepts. */
const FILE_OPTIONS: Record<string, readonly string[] | "string" | "mapping"> = {
  input: "string",
  out: "string",
  nulls: ["examples", "optional", "none"],
  anyType: ["unknown", "any"],
  unknownProperties: ["allow", "reject"],
  enumStyle: ["union-and-const", "union"],
  externalTypes: "mapping",
};

export type ConfigCheck = { ok: true; config: ConfigInput } | { ok: false; errors: string[] };

/** Checks a config file's parsed JSON; every problem is named with the option and the fix. */
export function checkConfig(raw: unknown): ConfigCheck {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ["the config must be a JSON object, e.g. { \"input\": \"docs\", \"out\": \"src/models\" }"] };
  }
  const errors: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const rule = Object.hasOwn(FILE_OPTIONS, key) ? FILE_OPTIONS[key] : undefined;
    if (rule === undefined) {
      const hint = didYouMean(key, Object.keys(FILE_OPTIONS));
      errors.push(`unknown option "${key}"${hint ? `; did you mean "${hint}"?` : ""} (options: ${Object.keys(FILE_OPTIONS).join(", ")})`);
    } else if (rule === "string") {
      if (typeof value === "string" && value.trim() !== "") config[key] = value;
      else errors.push(`"${key}" must be a folder path (a non-empty string), got ${JSON.stringify(value)}`);
    } else if (rule === "mapping") {
      const entries = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : undefined;
      const bad = entries?.find(([, type]) => typeof type !== "string" || type.trim() === "");
      if (!entries || bad) {
        errors.push(`"${key}" maps outside type names to TypeScript types, e.g. { "AxiosResponse": "Response" }${bad ? `; "${bad[0]}" is not mapped to a type` : ""}`);
      } else {
        config[key] = Object.fromEntries(entries);
      }
    } else if (typeof value === "string" && rule.includes(value)) {
      config[key] = value;
    } else {
      errors.push(`"${key}" must be one of ${rule.map((v) => `"${v}"`).join(", ")}, got ${JSON.stringify(value)}`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: config as ConfigInput };
}
