/** A worker thread of the pool: answers its requests with the handler this thread's executor uses too. */
import module from "node:module";
import { parentPort } from "node:worker_threads";
import { createHandler, type Reply, type Request } from "./operations.js";

// Node 22.1 and later keep V8's compiled code between runs, in each thread that asks.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const port = parentPort!;
const handle = createHandler();

port.on("message", (request: Request) => {
  handle(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies Reply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Reply),
  );
});
