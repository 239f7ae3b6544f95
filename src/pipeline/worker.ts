/** A pipeline worker thread: answers the pool's requests with the steps of `steps.ts`. */
import module from "node:module";
import { parentPort } from "node:worker_threads";
import { barrelStep, emitStep, formatStep, readStep, type EmitContext } from "./steps.js";
import type { Reply, Request } from "./pool.js";

// Node 22.1 and later keep V8's compiled code between runs, in each thread that asks.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const port = parentPort!;
let context: EmitContext | undefined;

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case "read":
      return request.payload.map(readStep);
    case "context":
      context = { ...request.payload, known: new Set(request.payload.known) };
      return undefined;
    case "emit":
      return emitStep(request.payload, needContext());
    case "format": {
      const results = [];
      for (const file of request.payload) results.push(await formatStep(file, needContext()));
      return results;
    }
    case "barrel":
      return barrelStep(request.payload, needContext());
  }
}

function needContext(): EmitContext {
  if (!context) throw new Error("the pool sent work before the models");
  return context;
}

port.on("message", (request: Request) => {
  handle(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies Reply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply),
  );
});
