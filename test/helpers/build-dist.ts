// Compiles dist/ once before any test file runs: the CLI tests start the built command in
// parallel, and must not all build a fresh clone's dist/ at the same time.
// @ts-expect-error plain JavaScript without declarations
import { ensureBuilt } from "../../src/bin/build.js";

export default async function setup(): Promise<void> {
  await ensureBuilt();
}
