/** The runtime helpers module: the template's text under the generated-file banner, less the parts no enabled output calls. */
import type { EmitOptions } from "../config/defaults.js";
import { enabledOutputs } from "../shared/outputs.js";
import type { OutputFile } from "../shared/output-file.js";
import { header } from "./files.js";

/** `//#region output: wire` … `//#endregion`: the template's parts, each for the output that calls it. */
const REGION = /^\/\/#region output: (\w+)$/;
const END = "//#endregion";

/** The runtime module, copied from `templates/runtime.ts` with the regions of the enabled outputs. */
export function emitRuntime(templateText: string, options: EmitOptions): OutputFile {
  return {
    path: options.runtimeModule,
    content: `${header("templates/runtime.ts", options)}\n\n${runtimeText(templateText, options)}`,
  };
}

/** The template's text without its region markers, and without the regions of outputs not enabled. */
export function runtimeText(templateText: string, options: Pick<EmitOptions, "outputs">): string {
  const enabled: ReadonlySet<string> = enabledOutputs(options.outputs);
  const kept: string[] = [];
  let keeping = true;
  for (const line of templateText.split("\n")) {
    const region = REGION.exec(line);
    if (region) keeping = enabled.has(region[1]!);
    else if (line === END) keeping = true;
    else if (keeping) kept.push(line);
  }
  // A dropped region leaves the blank lines around it: one is enough.
  return kept.join("\n").replace(/\n{3,}/g, "\n\n");
}
