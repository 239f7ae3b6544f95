/** Runs the generator in-process on a folder of docs, as the CLI would. */
import type { ConfigInput } from "../../src/config/defaults.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { loadDocs, loadRuntimeTemplate } from "../../src/io/load-docs.js";
import type { SourceDoc } from "../../src/parse/read-doc.js";

export async function generateFolder(folder: string): Promise<GenerateResult> {
  return generateDocs(await loadDocs(folder));
}

export async function generateDocs(docs: SourceDoc[], config: ConfigInput = {}): Promise<GenerateResult> {
  return generate({ docs, config, runtimeTemplate: await loadRuntimeTemplate() });
}

/** One doc's text, from lines, so tests read like the markdown they feed in. */
export function md(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
