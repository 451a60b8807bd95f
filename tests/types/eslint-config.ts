// Type test (checked by `npm run typecheck`): the published plugin drops into a user's
// `eslint.config.ts` with `defineConfig` from `eslint/config`, without casts. It imports the package by
// name, so it checks the built `dist/index.d.ts` that users get.
import { defineConfig } from "eslint/config";
import harden from "eslint-plugin-harden";

export default defineConfig([
  harden.configs.recommended,
  { extends: [harden.configs.strict], files: ["src/**/*.ts"] },
  {
    plugins: { harden },
    settings: { harden: { logger: { name: "logger", source: "./logger.js" } } },
    rules: { "harden/no-print-debugging": ["error", { includeErrorAndWarn: true }] },
  },
]);

// The namespace and version are exposed for tools that read plugin meta.
export const namespace: "harden" = harden.meta.namespace;
