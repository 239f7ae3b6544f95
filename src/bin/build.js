// Compiles src/ to dist/ with esbuild (one file in, one file out, types stripped), and
// only the files whose source changed: the command runs plain JavaScript, so neither
// the main thread nor any worker thread pays for a TypeScript loader on start.
// Plain JavaScript itself, so it runs before anything is compiled.
import { readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src");
export const DIST = join(ROOT, "dist");
const VENDOR_DIR = join(DIST, "vendor");

/**
 * Dependencies made of many small ES modules, bundled into dist/vendor/ (code they share
 * goes into common chunks, so there is one copy of each class): loaded file by file, the
 * markdown stack took ~80 ms of every thread's start.
 */
const VENDORED = ["unified", "remark-parse", "remark-gfm", "mdast-util-to-string", "vfile"];

/** Compiles every source newer than its output (or than this script); returns how many it compiled. */
export async function ensureBuilt() {
  const built = mtime(fileURLToPath(import.meta.url));
  const vendorStale = mtime(join(VENDOR_DIR, "vfile.js")) < Math.max(built, mtime(join(ROOT, "package-lock.json")));
  const stale = [];
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name)) continue;
    const source = join(entry.parentPath, entry.name);
    if (relative(SRC, source).startsWith(`bin${sep}`)) continue; // runs from src/, never compiled
    const output = join(DIST, relative(SRC, source)).replace(/\.ts$/, ".js");
    if (mtime(output) < Math.max(built, statSync(source).mtimeMs)) stale.push(source);
  }
  if (stale.length === 0 && !vendorStale) return 0;
  // Loaded only when something is stale: a fresh dist/ costs a few stat calls.
  const { build } = await import("esbuild");
  if (vendorStale) await buildVendor(build);
  if (stale.length > 0) {
    await build({
      entryPoints: stale,
      outbase: SRC,
      outdir: DIST,
      bundle: true, // only to rewrite imports: every import stays external
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "error",
      plugins: [externalImports()],
    });
  }
  return stale.length;
}

/** Every import stays an import; those of vendored packages point at their bundle in dist/vendor/. */
function externalImports() {
  return {
    name: "external-imports",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        if (!VENDORED.includes(args.path)) return { path: args.path, external: true };
        const output = join(DIST, relative(SRC, args.importer));
        let path = relative(dirname(output), join(VENDOR_DIR, `${args.path}.js`)).split(sep).join("/");
        if (!path.startsWith(".")) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

/** Builds the vendor bundles beside dist/vendor/, then swaps them in. */
async function buildVendor(build) {
  const fresh = `${VENDOR_DIR}.${process.pid}.tmp`;
  rmSync(fresh, { recursive: true, force: true });
  const defaults = new Set();
  for (const name of VENDORED) if ("default" in (await import(name))) defaults.add(name);
  await build({
    entryPoints: VENDORED.map((name) => ({ in: `vendor:${name}`, out: name })),
    outdir: fresh,
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
    plugins: [
      {
        name: "vendor-entries",
        setup(build) {
          build.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice("vendor:".length), namespace: "vendor" }));
          build.onLoad({ filter: /.*/, namespace: "vendor" }, (args) => ({
            contents: `export * from "${args.path}";${defaults.has(args.path) ? ` export { default } from "${args.path}";` : ""}`,
            resolveDir: ROOT,
          }));
        },
      },
    ],
  });
  rmSync(VENDOR_DIR, { recursive: true, force: true });
  renameSync(fresh, VENDOR_DIR);
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
