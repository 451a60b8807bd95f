/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
  ],
  ruleDocTitleFormat: "desc-parens-prefix-name",
  ruleDocNotices: ["deprecated", "configs", "fixableAndHasSuggestions", "options"],
  ruleDocSectionInclude: ["Why", "When not to use it"],
  ruleListColumns: ["name", "description", "configsError", "fixable", "hasSuggestions", "options"],
  urlConfigs: "https://github.com/harden-eslint/eslint-plugin-harden#configs",
  postprocess: async (content) => content,
};
