// eslint-plugin-security ships no types; the benchmark only reads its flat `recommended` config.
declare module "eslint-plugin-security" {
  import type { ESLint } from "eslint";

  const plugin: ESLint.Plugin & { configs: { recommended: unknown } };
  export default plugin;
}
