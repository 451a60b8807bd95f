import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";

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
 * typescript-eslint's `RuleCreator`, plus one thing it does not do: the merge of `meta.defaultOptions`
 * with the user's options (a `structuredClone` and a deep merge) is computed once per distinct options
 * value instead of once per file. ESLint hands a rule configured without options the same array for
 * every file, but a rule configured with options gets a fresh copy per file, so the identity cache
 * falls back to the options' JSON text (options are JSON by their schema). With twelve rules the
 * repeated merge was about a sixth of the plugin's time.
 */
export const createRule: typeof createRuleWithDocs = (spec) => {
  const rule = createRuleWithDocs(spec);
  const defaults = (spec.meta.defaultOptions ?? []) as Parameters<typeof spec.create>[1];
  type Options = Parameters<typeof spec.create>[1];
  const byIdentity = new WeakMap<object, Options>();
  const byText = new Map<string, Options>();
  return {
    ...rule,
    create(context) {
      let options = byIdentity.get(context.options);
      if (!options) {
        const text = JSON.stringify(context.options);
        options = byText.get(text);
        if (!options) {
          options = ESLintUtils.applyDefault(defaults, context.options);
          byText.set(text, options);
        }
        byIdentity.set(context.options, options);
      }
      return spec.create(context, options);
    },
  };
};
