/**
 * The oracle of `src/parse/example-literal.ts`: the Example Usage reader mdmodel had before,
 * which reads the block with the TypeScript parser (TypeScript 5, a dev dependency). The
 * differential test holds the small literal reader to what this one answers.
 */
import ts from "typescript";
import type { ExampleValue, Point } from "../../src/ir/types.js";
import { abbreviate } from "../../src/shared/text.js";

export type ExampleCodeResult =
  | { ok: true; value: ExampleValue }
  | { ok: false; reason: string; at: Point }
  /** The block declares nothing, e.g. `// No examples available for this model`. */
  | { ok: "empty" };

class Unsupported extends Error {
  constructor(
    message: string,
    readonly node: ts.Node,
  ) {
    super(message);
  }
}

/** The value of the first initialised variable in `code`; `start` is where the code begins in the doc. */
export function readExampleCode(code: string, start: Point): ExampleCodeResult {
  // No parent pointers: every position and text below is read through `file`.
  const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const pointOf = (node: ts.Node): Point => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { line: start.line + line, column: (line === 0 ? start.column : 1) + character };
  };
  const declaration = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => [...statement.declarationList.declarations])
    .find((candidate) => candidate.initializer !== undefined);
  if (!declaration?.initializer) return { ok: "empty" };
  try {
    return { ok: true, value: literalOf(declaration.initializer, file) };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message, at: pointOf(error.node) };
    throw error;
  }
}

function literalOf(node: ts.Expression, file: ts.SourceFile): ExampleValue {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return literalOf(node.expression, file);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: "string", value: node.text };
  if (ts.isNumericLiteral(node)) return { kind: "number", value: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
    const value = Number(node.operand.text);
    if (node.operator === ts.SyntaxKind.MinusToken) return { kind: "number", value: -value };
    if (node.operator === ts.SyntaxKind.PlusToken) return { kind: "number", value };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: "boolean", value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "boolean", value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: "null" };
  if (ts.isArrayLiteralExpression(node)) {
    return { kind: "array", items: node.elements.map((element) => literalOf(element, file)) };
  }
  if (ts.isObjectLiteralExpression(node)) return objectOf(node, file);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date") {
    const [argument] = node.arguments ?? [];
    if (argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) {
      return { kind: "date", iso: argument.text };
    }
  }
  throw new Unsupported(`an example can hold only literals, not \`${abbreviate(node.getText(file))}\``, node);
}

function objectOf(node: ts.ObjectLiteralExpression, file: ts.SourceFile): ExampleValue {
  const entries: Array<[string, ExampleValue]> = [];
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) {
      throw new Unsupported(
        `an example object can hold only \`key: value\` pairs, not \`${abbreviate(property.getText(file))}\``,
        property,
      );
    }
    const key = propertyName(property.name);
    if (key === undefined)
      throw new Unsupported(`cannot read the key \`${property.name.getText(file)}\``, property.name);
    // `key: undefined` means the key is absent.
    if (ts.isIdentifier(property.initializer) && property.initializer.text === "undefined") continue;
    entries.push([key, literalOf(property.initializer, file)]);
  }
  return { kind: "object", entries };
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (
    ts.isIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNumericLiteral(name) ||
    ts.isNoSubstitutionTemplateLiteral(name)
  ) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}
