/** The size of what esbuild keeps of an output folder when an app imports one export. */
import { build } from "esbuild";

/** Minified ESM bytes of a bundle whose entry re-exports `name` from `specifier` (relative to `folder`). */
export async function bundledSize(folder: string, name: string, specifier: string): Promise<number> {
  const result = await build({
    stdin: {
      contents: `export { ${name} } from ${JSON.stringify(specifier)};`,
      resolveDir: folder,
      loader: "ts",
      sourcefile: "entry.ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.contents.length;
}

/** The name the barrel gives an export of a module (the barrel renames models whose names clash). */
export function barrelNameOf(barrel: Record<string, unknown>, value: unknown): string | undefined {
  return Object.keys(barrel).find((key) => barrel[key] === value);
}
