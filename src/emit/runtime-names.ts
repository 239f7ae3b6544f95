import type { Output } from "../shared/outputs.js";

/** What the barrel re-exports from the runtime: the public part of its API. */
export const RUNTIME_PUBLIC: ReadonlyArray<{ name: string; typeOnly: boolean; output: Output }> = [
  { name: "PathSegment", typeOnly: true, output: "validators" },
  { name: "ValidationError", typeOnly: false, output: "validators" },
  { name: "ValidationIssue", typeOnly: true, output: "validators" },
  { name: "ValidationResult", typeOnly: true, output: "validators" },
  { name: "formatPath", typeOnly: false, output: "validators" },
  { name: "RFCDate", typeOnly: false, output: "types" },
  { name: "Wire", typeOnly: true, output: "wire" },
  { name: "Codec", typeOnly: true, output: "wire" },
  { name: "ModelSchema", typeOnly: true, output: "standardSchema" },
  { name: "StandardResult", typeOnly: true, output: "standardSchema" },
  { name: "JsonSchemaOptions", typeOnly: true, output: "standardSchema" },
  { name: "SchemaSource", typeOnly: true, output: "standardSchema" },
  { name: "jsonSchemaOf", typeOnly: false, output: "standardSchema" },
];
