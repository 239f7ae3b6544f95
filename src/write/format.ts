/** Formatting with prettier, pinned options, so output is the same on every machine. */
import { format } from "prettier";

const OPTIONS = { parser: "typescript", printWidth: 100 } as const;

/** Formats one TypeScript module. */
export async function formatTypeScript(text: string): Promise<string> {
  return format(text, OPTIONS);
}
