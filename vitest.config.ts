import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CI line `N passed, N failed` is printed by .ci/run from this report.
    reporters: ["default"],
  },
});
