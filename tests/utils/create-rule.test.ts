import type { TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { createRule } from "../../src/utils/create-rule.js";

type Options = [{ names?: string[]; strict?: boolean; nested?: { depth: number } }];

/** A rule that records the options object its `create` receives, file by file. */
function createProbe() {
  const received: Options[0][] = [];
  const rule = createRule<Options, "x">({
    name: "probe",
    meta: {
      type: "problem",
      docs: { description: "Probe.", recommended: "strict" },
      schema: [{ type: "object" }],
      defaultOptions: [{ names: ["a"], strict: false }],
      messages: { x: "x" },
    },
    create(_context, [options]) {
      received.push(options);
      return {};
    },
  });
  const lint = (options: unknown[]) =>
    rule.create({ options, settings: {} } as unknown as Readonly<TSESLint.RuleContext<"x", Options>>);
  return { received, lint };
}

describe("createRule", () => {
  it("hands every file the same merged options while they stay structurally the same", () => {
    const { received, lint } = createProbe();
    // ESLint builds a fresh options array (and fresh objects) for every file.
    lint([{ names: ["b"], strict: true, nested: { depth: 1 } }]);
    lint([{ names: ["b"], strict: true, nested: { depth: 1 } }]);
    expect(received[1]).toBe(received[0]);
    expect(received[0]).toEqual({ names: ["b"], strict: true, nested: { depth: 1 } });
  });

  it("merges again when any value, key or length differs", () => {
    const { received, lint } = createProbe();
    const variants: unknown[][] = [
      [{ names: ["b"], strict: true }],
      [{ names: ["b"], strict: false }],
      [{ names: ["b", "c"], strict: false }],
      [{ names: ["c", "b"], strict: false }],
      [{ names: ["c", "b"], strict: false, nested: { depth: 1 } }],
      [{ names: ["c", "b"], strict: false, nested: { depth: 2 } }],
      [{ names: ["c", "b"], nested: { depth: 2 } }],
      [{ names: ["c", "b"], nested: { depth: 2 }, strict: true }],
      [],
    ];
    for (const options of variants) lint(options);
    expect(new Set(received).size).toBe(variants.length);
    expect(received.at(-1)).toEqual({ names: ["a"], strict: false });
    expect(received[6]).toEqual({ names: ["c", "b"], strict: false, nested: { depth: 2 } });
  });
});
