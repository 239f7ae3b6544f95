// Builds dist/ (`npm run build`: tsc, then the markdown packages bundled, as `npm pack` does)
// once before any test file runs: the CLI tests start the built command, as users do.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
}
