import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { getPropertyKeyName } from "../frameworks/get-static-string.js";

/** Section / file-name words for settings that only ever apply outside production. */
const DEVELOPMENT_WORDS = new Set(["dev", "development", "local", "test", "testing"]);
/** Tools whose `<tool>.config.*` only runs on developer machines and in CI. */
const DEVELOPMENT_TOOLS = new Set(["vite", "vitest", "jest", "playwright", "cypress", "karma", "nodemon"]);

/**
 * Whether `node` sits in a development-only part of a configuration: under a `development` / `dev` /
 * `local` / `test` key (knexfile, sequelize `config.js`, per-environment objects), in a file named for
 * such an environment (`config/development.js`, `db.local.ts`), or in a dev tool's config
 * (`vite.config.ts`, `playwright.config.ts`).
 */
export function isDevelopmentOnly(node: TSESTree.Node, filename: string): boolean {
  const parts = (filename.split(/[\\/]/u).at(-1) ?? "").split(".");
  if (parts.slice(0, -1).some((part) => DEVELOPMENT_WORDS.has(part.toLowerCase()))) return true;
  if (parts.length >= 3 && parts[1] === "config" && DEVELOPMENT_TOOLS.has(parts[0] ?? "")) return true;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.Property) {
      const key = getPropertyKeyName(current);
      if (key !== undefined && DEVELOPMENT_WORDS.has(key.toLowerCase())) return true;
    } else if (current.type !== AST_NODE_TYPES.ObjectExpression && current.type !== AST_NODE_TYPES.ArrayExpression) {
      return false;
    }
  }
  return false;
}
