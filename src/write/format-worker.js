// A formatting worker: plain JavaScript so it starts without a TypeScript loader.
// Receives { texts, options } and answers with the formatted texts, in order.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ texts, options }) => {
  try {
    const out = [];
    for (const text of texts) {
      try {
        out.push(await format(text, { ...options, parser: "babel-ts" }));
      } catch {
        out.push(await format(text, { ...options, parser: "typescript" }));
      }
    }
    parentPort.postMessage({ ok: true, out });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error) });
  }
});
