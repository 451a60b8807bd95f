// How a user turns the plugin on: the recommended config, TypeScript parsing, and the project's names.
import tsParser from "@typescript-eslint/parser";
import harden from "eslint-plugin-harden";

const strict = process.env.HARDEN_CONFIG === "strict";

export default [
  { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tsParser } },
  strict ? harden.configs.strict : harden.configs.recommended,
];
