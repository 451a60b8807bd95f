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

export const createRule = ESLintUtils.RuleCreator<HardenRuleDocs>(getDocsUrl);
