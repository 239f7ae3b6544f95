/** Type-checks files with the TypeScript 5 compiler API under the GUIDE's strict flags and the usual lint-like ones. */
import ts from "typescript";

export type ModuleMode = "nodenext" | "bundler";

const STRICT: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  // What strict projects add: generated code must not be the file that breaks their build.
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  // Libraries that publish declarations need every export's type written out.
  declaration: true,
  isolatedDeclarations: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: true,
};

const MODES: Record<ModuleMode, ts.CompilerOptions> = {
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

/** `// @ts-nocheck` as `typeCheck: "declarations"` writes it: these checks read past it, as a project's tsc would not. */
const NO_CHECK = /^\/\/ @ts-nocheck$/m;

/**
 * Every diagnostic of a program over `files`, formatted as `file(line,col): message`. A file
 * marked `// @ts-nocheck` is checked all the same (the mark is blanked out, lines kept): the
 * output's bodies are checked here whatever the `typeCheck` option.
 */
export function typecheck(files: readonly string[], mode: ModuleMode): string[] {
  const options = { ...STRICT, ...MODES[mode] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => readFile(fileName)?.replace(NO_CHECK, "//");
  const program = ts.createProgram(files, options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return text;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}(${line + 1},${character + 1}): ${text}`;
  });
}
