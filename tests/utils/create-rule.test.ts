import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import { createRule, getDocsUrl } from "../../src/utils/create-rule.js";

type Options = [{ names?: string[]; strict?: boolean; nested?: { depth: number } }];

/** A rule that records the options its `create` receives, run by ESLint's own Linter. */
function createProbe() {
  const received: Options[0][] = [];
  const rule = createRule<Options, "x">({
    name: "probe",
    meta: {
      type: "problem",
      docs: { description: "Probe.", recommended: "strict" },
      schema: [
        {
          type: "object",
          properties: { names: { type: "array" }, strict: { type: "boolean" }, nested: { type: "object" } },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ names: ["a"], strict: false }],
      messages: { x: "x" },
    },
    create(_context, [options]) {
      received.push(options);
      return {};
    },
  });
  const linter = new Linter({ configType: "flat" });
  const lint = (...options: unknown[]) =>
    linter.verify(
      "x;",
      [{ plugins: { probe: { rules: { probe: rule as never } } }, rules: { "probe/probe": ["error", ...options] } }],
      { filename: "a.js" },
    );
  return { rule, received, lint };
}

describe("createRule", () => {
  it("links the rule's page", () => {
    expect(createProbe().rule.meta.docs?.url).toBe(getDocsUrl("probe"));
  });

  it("gives the rule its meta.defaultOptions when none are configured (ESLint merges them)", () => {
    const { received, lint } = createProbe();
    expect(lint()).toEqual([]);
    expect(received).toEqual([{ names: ["a"], strict: false }]);
  });

  it("gives the rule the configured options deep-merged over the defaults", () => {
    const { received, lint } = createProbe();
    lint({ strict: true, nested: { depth: 1 } });
    lint({ names: ["b"] });
    expect(received).toEqual([
      { names: ["a"], strict: true, nested: { depth: 1 } },
      { names: ["b"], strict: false },
    ]);
  });
});
