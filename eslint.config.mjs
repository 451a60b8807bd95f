// Self-lint: the plugin's own source, held to eslint-plugin-eslint-plugin's bar for rule modules.
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "examples/**", "coverage/**", "tests/fixtures/**"] },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          // Listener objects are built for every linted file: naming an anonymous function after a
          // computed key (a selector constant) is a runtime call each time, ten times the cost of the object.
          selector:
            "Property[computed=true][value.type=/^(?:FunctionExpression|ArrowFunctionExpression)$/u][value.id=null]",
          message: "Declare the function first and use it as the value: `[SELECTOR]: onNode`.",
        },
      ],
    },
  },
  {
    files: ["src/rules/*.ts"],
    ignores: ["src/rules/index.ts"],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      // createRule sets the URL at runtime; the literal in each rule must agree, and this proves it.
      "eslint-plugin/require-meta-docs-url": [
        "error",
        { pattern: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/{{name}}.md" },
      ],
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Disallow|Require|Enforce)" }],
      "eslint-plugin/require-meta-default-options": "error",
      "eslint-plugin/require-meta-schema-default": "off",
    },
  },
  {
    files: ["tests/rules/*.ts"],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      // Cases are grouped by framework with explanatory names; the RuleTester is created per file.
      "eslint-plugin/consistent-output": "error",
    },
  },
);
