/**
 * A deterministic synthetic docs tree for benchmarks: objects with links, arrays,
 * Records and dates, enums (tables, blocks, open), discriminated unions, Example Usage.
 */
import { cp, mkdir, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/** A small seeded generator (mulberry32), so every run writes the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Made {
  name: string;
  folder: string;
  kind: "object" | "enum" | "union";
}

const WORDS = [
  "account",
  "order",
  "item",
  "price",
  "status",
  "region",
  "payment",
  "invoice",
  "customer",
  "address",
  "token",
  "event",
  "note",
  "label",
];

/** Writes `count` docs under `dir/models/{components,operations}` and returns their paths. */
export async function writeSyntheticCorpus(dir: string, count: number, seed = 42): Promise<string[]> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const made: Made[] = [];
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = next() < 0.7 ? "components" : "operations";
    const roll = next();
    const kind: Made["kind"] = i < 4 || roll < 0.7 ? (i < 2 ? "enum" : "object") : roll < 0.85 ? "enum" : "union";
    const name = `${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${i}`;
    const link = (target: Made) =>
      `[${target.folder}.${target.name}](../../models/${target.folder}/${target.name.toLowerCase()}.md)`;
    let text: string;
    if (kind === "enum") {
      const values = Array.from({ length: 2 + Math.floor(next() * 6) }, (_, k) => `${pick(WORDS)}_${k}`);
      text =
        next() < 0.5
          ? `# ${name}\n\nThe ${pick(WORDS)} kind.\n\n## Values\n\n| Name | Value |\n| --- | --- |\n${values.map((v) => `| \`${v.toUpperCase()}\` | ${v} |`).join("\n")}\n`
          : `# ${name}\n\n## Example Usage\n\n\`\`\`typescript\nlet value: ${name} = "${values[0]}";\n\`\`\`\n\n## Values\n\n\`\`\`typescript\n${[...values.map((v) => `"${v}"`), ...(next() < 0.4 ? ["Unrecognized<string>"] : [])].join(" | ")}\n\`\`\`\n`;
    } else if (kind === "union") {
      const members = made.filter((m) => m.kind === "object").slice(-2);
      text = `# ${name}\n\nOne of several shapes.\n\n## Supported Types\n\n${members.map((m) => `### \`${m.folder}.${m.name}\`\n`).join("\n")}`;
    } else {
      const rows: string[] = [
        "| `id` | *string* | :heavy_check_mark: | Unique identifier | id_1 |",
        '| `type` | *"' + name.toLowerCase() + '"* | :heavy_check_mark: | The kind | |',
      ];
      const example: string[] = [`  id: "id_${i}",`, `  type: "${name.toLowerCase()}",`];
      const fields = 3 + Math.floor(next() * 9);
      for (let f = 0; f < fields; f++) {
        const field = `${pick(WORDS)}${f}`;
        const r = next();
        const earlier = made.length > 0 ? pick(made.slice(-50)) : undefined;
        if (r < 0.3) {
          rows.push(`| \`${field}\` | *string* | :heavy_minus_sign: | The ${pick(WORDS)} text | sample |`);
          example.push(`  ${field}: "<value>",`);
        } else if (r < 0.45) {
          rows.push(`| \`${field}\` | *number* | :heavy_minus_sign: | How many ${pick(WORDS)}s | 3 |`);
          example.push(`  ${field}: ${Math.floor(next() * 1000)},`);
        } else if (r < 0.55) {
          rows.push(
            `| \`${field}\` | [Date](https://developer.mozilla.org/Date) | :heavy_minus_sign: | When | 2024-01-01T00:00:00Z |`,
          );
          example.push(`  ${field}: new Date("2024-0${1 + Math.floor(next() * 9)}-01T00:00:00Z"),`);
        } else if (r < 0.65) {
          rows.push(`| \`${field}\` | *string*[] | :heavy_minus_sign: | Labels | |`);
          example.push(`  ${field}: ["a", "b"],`);
        } else if (r < 0.72) {
          rows.push(`| \`${field}\` | Record<string, *any*> | :heavy_minus_sign: | Extra data | |`);
        } else if (earlier) {
          rows.push(
            `| \`${field}\` | ${link(earlier)}${next() < 0.3 ? "[]" : ""} | :heavy_minus_sign: | The related ${earlier.name} | |`,
          );
        } else {
          rows.push(`| \`${field}\` | *boolean* | :heavy_minus_sign: | A flag | true |`);
        }
      }
      const usage =
        next() < 0.8
          ? `## Example Usage\n\n\`\`\`typescript\nlet value: ${name} = {\n${example.join("\n")}\n};\n\`\`\`\n\n`
          : "";
      text = `# ${name}\n\nA ${pick(WORDS)} record.\n\n${usage}## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`;
    }
    const path = join("models", folder, `${name.toLowerCase()}.md`);
    await mkdir(join(dir, "models", folder), { recursive: true });
    await writeFile(join(dir, path), text);
    made.push({ name, folder, kind });
    paths.push(path);
  }
  return paths;
}

/**
 * A benchmark's docs in `work/docs`: a copy of `folder` when one is given, else the synthetic
 * corpus of `count` docs; with the label the benchmark prints for them.
 */
export async function benchDocs(work: string, folder: string | undefined, count: number): Promise<string> {
  const input = join(work, "docs");
  if (folder) {
    if (!(await stat(resolve(folder)).catch(() => undefined))?.isDirectory()) {
      console.error(`bench: ${folder} is no folder of docs`);
      process.exit(3);
    }
    await cp(resolve(folder), input, { recursive: true });
    return folder;
  }
  await writeSyntheticCorpus(input, count);
  return `synthetic corpus of ${count} docs`;
}
