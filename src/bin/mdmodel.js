#!/usr/bin/env node
// The `mdmodel` command: compiles what changed under src/ into dist/, then runs it.
import { ensureBuilt } from "./build.js";

await ensureBuilt();
const { main } = await import("../../dist/cli.js");
process.exitCode = await main(process.argv.slice(2));
// For the generation benchmark: the process's peak memory, in KB.
if (process.env["MDMODEL_PRINT_RSS"]) process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\n`);
