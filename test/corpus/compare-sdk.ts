/**
 * `npm run compare-sdk -- <mdmodel output folder> <an SDK's TypeScript declarations folder>`:
 * mdmodel's output against the SDK's own types, the ground truth of what a TypeScript user of the
 * API expects. Models are matched by name (an object type alias, an enum's `declare const`); for
 * each it counts the fields named as the SDK names them, and of those the ones optional and
 * nullable as in the SDK, and the enum const keys the SDK has. Prints the counts and samples of
 * what differs; exits 0 (a comparison, not a gate: the SDK may be another release than the docs).
 */
import { Node, Project } from "ts-morph";

interface SdkField {
  optional: boolean;
  nullable: boolean;
}

const [ours, theirs] = process.argv.slice(2);
if (!ours || !theirs) {
  console.error("usage: npm run compare-sdk -- <mdmodel output folder> <SDK .d.ts folder>");
  process.exit(3);
}

const project = new Project({ skipFileDependencyResolution: true, skipAddingFilesFromTsConfig: true });
const sdk = project.addSourceFilesAtPaths(`${theirs}/**/*.d.ts`);
const generated = project.addSourceFilesAtPaths([`${ours}/**/*.ts`, `!${ours}/**/*.d.ts`]);
const mayBeNull = (text: string | undefined) => /\bnull\b/.test(text ?? "");

const sdkObjects = new Map<string, Map<string, SdkField>>();
/** Each SDK enum's keys, and (for a TypeScript `enum` or a `declare const` of literals) the value of each. */
const sdkEnums = new Map<string, Map<string, string | undefined>>();
const addObject = (
  name: string,
  properties: ReadonlyArray<{
    getName(): string;
    hasQuestionToken(): boolean;
    getTypeNode(): { getText(): string } | undefined;
  }>,
) => {
  // One name may be declared in several modules (`models/` and `models/errors/`): a field of any counts.
  const fields = sdkObjects.get(name) ?? new Map<string, SdkField>();
  for (const property of properties)
    fields.set(property.getName().replace(/^['"]|['"]$/g, ""), {
      optional: property.hasQuestionToken(),
      nullable: mayBeNull(property.getTypeNode()?.getText()),
    });
  sdkObjects.set(name, fields);
};
const literalText = (text: string | undefined) =>
  text === undefined ? undefined : text.replace(/^(['"])(.*)\1$/s, "$2");
for (const file of sdk) {
  for (const alias of file.getTypeAliases()) {
    const node = alias.getTypeNode();
    if (node && Node.isTypeLiteral(node)) addObject(alias.getName(), node.getProperties());
  }
  // OpenAPI Generator's and APIMatic's SDKs declare objects as interfaces and enums as `enum`s.
  for (const face of file.getInterfaces()) addObject(face.getName(), face.getProperties());
  for (const declaration of file.getEnums()) {
    sdkEnums.set(
      declaration.getName(),
      new Map(
        declaration.getMembers().map((member) => [member.getName(), literalText(member.getInitializer()?.getText())]),
      ),
    );
  }
  for (const declaration of file.getVariableDeclarations()) {
    const node = declaration.getTypeNode();
    if (node && Node.isTypeLiteral(node))
      sdkEnums.set(
        declaration.getName(),
        new Map(
          node.getProperties().map((property) => [property.getName(), literalText(property.getTypeNode()?.getText())]),
        ),
      );
  }
}

let objects = 0;
let fields = 0;
let named = 0;
let optional = 0;
let nullable = 0;
let enums = 0;
let keys = 0;
let sameKeys = 0;
let values = 0;
let sameValues = 0;
const misses: string[] = [];
const valueMisses: string[] = [];
const nullMisses: string[] = [];
for (const file of generated) {
  for (const model of file.getInterfaces()) {
    const sdkFields = sdkObjects.get(model.getName());
    if (!sdkFields) continue;
    objects++;
    for (const property of model.getProperties()) {
      fields++;
      const their = sdkFields.get(property.getName());
      if (!their) {
        misses.push(`${model.getName()}.${property.getName()}`);
        continue;
      }
      named++;
      if (their.optional === property.hasQuestionToken()) optional++;
      if (their.nullable === mayBeNull(property.getTypeNode()?.getText())) nullable++;
      else nullMisses.push(`${model.getName()}.${property.getName()}`);
    }
  }
  for (const declaration of file.getVariableDeclarations()) {
    const sdkKeys = sdkEnums.get(declaration.getName());
    const initializer = declaration.getInitializer();
    if (!sdkKeys || !initializer || !Node.isAsExpression(initializer)) continue;
    const members = initializer.getExpression();
    if (!Node.isObjectLiteralExpression(members)) continue;
    enums++;
    for (const member of members.getProperties()) {
      if (!Node.isPropertyAssignment(member)) continue;
      keys++;
      if (sdkKeys.has(member.getName())) sameKeys++;
      else misses.push(`${declaration.getName()}.${member.getName()} (enum)`);
      const theirValue = sdkKeys.get(member.getName());
      if (theirValue === undefined) continue;
      values++;
      if (literalText(member.getInitializer()?.getText()) === theirValue) sameValues++;
      else
        valueMisses.push(
          `${declaration.getName()}.${member.getName()}: ${member.getInitializer()?.getText() ?? "?"} vs ${theirValue}`,
        );
    }
  }
}

const share = (part: number, whole: number) =>
  `${part}/${whole} (${whole === 0 ? "-" : ((100 * part) / whole).toFixed(1)}%)`;
console.log(`objects matched by name   ${objects} of the SDK's ${sdkObjects.size} object types`);
console.log(`fields named as the SDK   ${share(named, fields)}`);
console.log(`  optional as the SDK     ${share(optional, named)}`);
console.log(`  null as the SDK         ${share(nullable, named)}`);
console.log(`enums matched by name     ${enums}; const keys as the SDK: ${share(sameKeys, keys)}`);
console.log(`  values as the SDK        ${share(sameValues, values)} of the keys both have`);
console.log(`not in the SDK (first 20) ${misses.slice(0, 20).join(", ") || "none"}`);
console.log(`null differs (first 20)   ${nullMisses.slice(0, 20).join(", ") || "none"}`);
console.log(`values differ (first 20)  ${valueMisses.slice(0, 20).join(", ") || "none"}`);
