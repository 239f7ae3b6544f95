import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/build-dist.ts"],
    // The compile checks start the TypeScript compiler, which takes a few seconds.
    testTimeout: 60_000,
  },
});
