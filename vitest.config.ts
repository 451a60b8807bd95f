import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // Tests edit files between lints, as an editor's user does: in-process lints run as a long-running
    // process would, whatever CI says (tests/project/is-single-run.test.ts covers the one-time run).
    env: { TSESTREE_SINGLE_RUN: "false" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // .ci/run prints its closing `N passed, N failed` line from the JSON report.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
