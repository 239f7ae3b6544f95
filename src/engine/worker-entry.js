// A pipeline worker thread. Plain JavaScript: it registers tsx so the TypeScript sources
// load without a build step, however the main thread was started.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
