import type { ESLintUtils, TSESLint } from "@typescript-eslint/utils";

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

type RuleSpec<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, HardenRuleDocs>
>;

/**
 * A rule with its docs URL. `create` gets `context.options` as they come: ESLint and oxlint merge
 * `meta.defaultOptions` into them before the rule runs, so the merge typescript-eslint's `RuleCreator`
 * repeats for every file is not done again here.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: RuleSpec<Options, MessageIds>): TSESLint.RuleModule<MessageIds, Options, HardenRuleDocs> & { name: string } {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: getDocsUrl(name) } },
    create(context) {
      validateHardenSettings(context);
      return create(context, context.options);
    },
  };
}
