/**
 * The operations the engine runs on an executor (this thread or a worker), with the payload
 * and answer of each: plain data, so they cross to a worker thread by structured clone.
 */
import type { BarrelEntry } from "../emit/plan.js";
import type { DocRead, ReadJob } from "../pipeline/read-step.js";
import type { EmitContext, FormattedFile, ModuleJob } from "../pipeline/steps.js";
import type { OutputFile } from "../shared/output-file.js";

/** What the context request carries: the emit context with `known` as an array. */
export type ContextPayload = Omit<EmitContext, "known"> & { known: string[] };

/** Each operation's payload and answer. */
export interface Operations {
  read: [ReadJob[], DocRead[]];
  /** The models and options every later `emit`, `format` and `barrel` request uses. */
  context: [ContextPayload, undefined];
  emit: [ModuleJob[], FormattedFile[]];
  format: [OutputFile[], FormattedFile[]];
  barrel: [BarrelEntry[], FormattedFile[]];
}
export type Op = keyof Operations;

/** The operations that run over a list of items, in chunks. */
export type ListOp = "read" | "emit" | "format";

/** One operation with its payload. */
export type Job = { [K in Op]: { op: K; payload: Operations[K][0] } }[Op];
export type Request = Job & { id: number };
export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** Answers requests with the pipeline's steps, keeping the context between them. */
export function createHandler(): (request: Job) => Promise<unknown> {
  let context: EmitContext | undefined;
  const needContext = (): EmitContext => {
    if (!context) throw new Error("the engine sent work before the models");
    return context;
  };
  return async (request) => {
    // Loaded on the first request of each kind: a thread that only reads never loads the emitters or prettier.
    if (request.op === "read") return request.payload.map((await import("../pipeline/read-step.js")).readStep);
    const steps = await import("../pipeline/steps.js");
    switch (request.op) {
      case "context":
        context = { ...request.payload, known: new Set(request.payload.known) };
        return undefined;
      case "emit":
        return steps.emitStep(request.payload, needContext());
      case "format": {
        const results = [];
        for (const file of request.payload) results.push(await steps.formatStep(file, needContext()));
        return results;
      }
      case "barrel":
        return steps.barrelStep(request.payload, needContext());
    }
  };
}
