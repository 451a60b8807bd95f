import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // .ci/run prints its closing `N passed, N failed` line from the JSON report.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
