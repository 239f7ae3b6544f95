/**
 * Tree-shaking: every top-level call in generated code is marked pure, so an app that imports
 * one guard through the barrel (`index.ts`) bundles within 2x of importing it from its module,
 * for every model of the seeds and the fixtures (and a sample of MDMODEL_CORPUS).
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { modulePathOf } from "../../src/emit/naming.js";
import { namesOf } from "../../src/shared/names.js";
import { barrelNameOf, bundledSize } from "../helpers/bundle.js";
import { moduleOf, testOutputs, workFolder } from "../helpers/outputs.js";

const work = await workFolder("bundle-size");
const outputs = await testOutputs(work);

describe.each(outputs)("$name", async (output) => {
  const barrel = (await import(join(output.out, "index.ts"))) as Record<string, unknown>;
  const all = output.models.models;
  // esbuild reads the whole barrel per build: a corpus is sampled, evenly and deterministically.
  const step = output.name === "MDMODEL_CORPUS" ? Math.max(1, Math.floor(all.length / 12)) : 1;
  const models = all.filter((_, index) => index % step === 0);

  test.each(models.map((model) => [model.path, model] as const))(
    "%s: its guard through the barrel is within 2x of its module",
    async (_path, model) => {
      const names = namesOf(model);
      const guard = (await moduleOf(output.out, model))[names.is];
      const exported = barrelNameOf(barrel, guard);
      expect(exported, `the barrel exports ${names.is}`).toBeDefined();
      const direct = await bundledSize(output.out, names.is, `./${modulePathOf(model.path)}`);
      const throughBarrel = await bundledSize(output.out, exported!, "./index.ts");
      expect(throughBarrel, `${throughBarrel} B through the barrel, ${direct} B from the module`).toBeLessThanOrEqual(
        2 * direct,
      );
    },
  );
});
