// Builds dist/ (tsc, as `npm run build` and `npm pack` do) once before any test file runs:
// the CLI tests start the built command, as users do, and must not each build it.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], { stdio: "inherit" });
}
