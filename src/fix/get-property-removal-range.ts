import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/**
 * The range that removes one property (or pattern property) from an object literal or pattern with
 * its separating comma, leaving the others and the layout intact: `{ a, b, c }` minus `b` → `{ a, c }`,
 * minus `c` → `{ a, b }`. For the only property it is the property itself.
 */
export function getPropertyRemovalRange(
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Node,
): TSESTree.Range {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ",") {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    // `{ a, b }` minus `a`: up to the next property; before a closing brace keep the previous comma's layout.
    if (next && next.value !== "}") return [property.range[0], next.range[0]];
    const before = sourceCode.getTokenBefore(property);
    if (before?.value === ",") return [before.range[0], after.range[1]];
    return [property.range[0], after.range[1]];
  }
  const before = sourceCode.getTokenBefore(property);
  if (before?.value === ",") return [before.range[0], property.range[1]];
  return property.range;
}
