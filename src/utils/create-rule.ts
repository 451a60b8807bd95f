import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";

import { validateHardenSettings } from "./settings.js";

/** Where the rule pages live; a test keeps it in step with package.json's `repository`. */
export const REPOSITORY_URL = "https://github.com/harden-eslint/eslint-plugin-harden";

export function getDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;
}

/**
 * The plugin's extra `meta.docs` fields.
 *
 * `recommended` follows typescript-eslint's convention, so the configs can be derived from it:
 * - `"recommended"`: in `recommended` and `strict`, same options;
 * - `"strict"`: in `strict` only;
 * - `{ recommended: true, strict: [options] }`: in both, with stricter options in `strict`.
 */
export interface HardenRuleDocs {
  recommended: TSESLint.RuleRecommendation | TSESLint.RuleRecommendationAcrossConfigs<readonly unknown[]>;
  /** Every rule works on syntax alone; kept explicit for tools that read it. */
  requiresTypeChecking?: false;
}

const createRuleWithDocs = ESLintUtils.RuleCreator<HardenRuleDocs>(getDocsUrl);

/**
 * Deep equality of two JSON values (rule options are JSON by their schema). Plain loops, no closures or
 * key arrays: it runs for every rule on every file.
 */
function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!isSameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !isSameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    keys++;
  }
  for (const _key in b) keys--;
  return keys === 0;
}

/**
 * typescript-eslint's `RuleCreator`, plus one thing it does not do: the merge of `meta.defaultOptions`
 * with the user's options (a `structuredClone` and a deep merge) is reused while the options stay the
 * same instead of being redone for every file. ESLint hands each file a fresh array of a rule's
 * configured options, so the check is structural, with identity shortcuts; a project lints with one or a
 * few option values per rule, and the last one is almost always the one asked again. With twelve rules
 * the repeated merge was about a sixth of the plugin's time.
 */
export const createRule: typeof createRuleWithDocs = (spec) => {
  const rule = createRuleWithDocs(spec);
  type Options = Parameters<typeof spec.create>[1];
  const defaults = (spec.meta.defaultOptions ?? []) as Options;
  let lastInput: unknown;
  let lastOptions = defaults;
  return {
    ...rule,
    create(context) {
      validateHardenSettings(context);
      if (lastInput === undefined || !isSameJson(lastInput, context.options)) {
        lastOptions = ESLintUtils.applyDefault(defaults, context.options);
        // Kept as given, not copied: ESLint merges a config's defaults once and passes every file a
        // fresh slice of that same array, so the compare above meets the same option objects and stops
        // at the first level (on the bench corpus, 456 of 44,000 calls a run compared two objects key
        // by key). Configs are not mutated during a run.
        lastInput = context.options;
      }
      return spec.create(context, lastOptions);
    },
  };
};
