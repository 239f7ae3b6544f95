/** The runtime helpers module: the template's text under the generated-file banner. */
import type { EmitOptions } from "../config/defaults.js";
import type { OutputFile } from "../shared/output-file.js";
import { banner } from "./files.js";

/** The runtime module, copied from `templates/runtime.ts`. */
export function emitRuntime(templateText: string, options: EmitOptions): OutputFile {
  return { path: options.runtimeModule, content: `${banner("templates/runtime.ts")}\n\n${templateText}` };
}
