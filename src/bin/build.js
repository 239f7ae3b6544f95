// Compiles src/ to dist/ with esbuild (one file in, one file out, types stripped), and
// only the files whose source changed: the command runs plain JavaScript, so neither
// the main thread nor any worker thread pays for a TypeScript loader on start.
// Plain JavaScript itself, so it runs before anything is compiled.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src");
export const DIST = join(ROOT, "dist");

/** Compiles every source newer than its output; returns how many it compiled. */
export async function ensureBuilt() {
  const stale = [];
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name)) continue;
    const source = join(entry.parentPath, entry.name);
    if (relative(SRC, source).startsWith(`bin${sep}`)) continue; // runs from src/, never compiled
    const output = join(DIST, relative(SRC, source)).replace(/\.ts$/, ".js");
    if (mtime(output) < statSync(source).mtimeMs) stale.push([source, output]);
  }
  if (stale.length === 0) return 0;
  // Loaded only when something is stale: a fresh dist/ costs a few stat calls.
  const { transform } = await import("esbuild");
  await Promise.all(
    stale.map(async ([source, output]) => {
      const { code } = await transform(readFileSync(source, "utf8"), { loader: source.endsWith(".ts") ? "ts" : "js", format: "esm", target: "node20", sourcefile: source });
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, code);
    }),
  );
  return stale.length;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = await ensureBuilt();
  console.log(`mdmodel: compiled ${count} file${count === 1 ? "" : "s"} into dist/`);
}
