import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { getAssignedName } from "./get-assigned-name.js";

/** A seed routine: `seed`, `seedDatabase`, `seed_users`. It fills a database once; the server never runs it. */
const SEED_NAME = /^seed(?:[A-Z_]|$)/u;

function isMember(node: TSESTree.Node, object: string, property: string): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === property &&
    ((node.object.type === AST_NODE_TYPES.Identifier && node.object.name === object) ||
      (node.object.type === AST_NODE_TYPES.MetaProperty && object === "import.meta"))
  );
}

/** Whether the test asks "is this file the program being run?": `require.main === module`, `import.meta.main`, `import.meta.url === \`file://${process.argv[1]}\``. */
function isRunDirectlyTest(test: TSESTree.Node): boolean {
  if (isMember(test, "import.meta", "main")) return true;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "===" && test.operator !== "=="))
    return false;
  const sides = [test.left, test.right];
  if (sides.some((side) => isMember(side, "require", "main"))) return true;
  // `import.meta.url` or `__filename`, against the script Node was started with: either may be wrapped
  // in a path or URL conversion (`fileURLToPath(…)`, `pathToFileURL(…).href`, `` `file://${…}` ``).
  return sides.some((side) => isWrapped(side, isSelf)) && sides.some((side) => isWrapped(side, isStartedScript));
}

function isSelf(node: TSESTree.Node): boolean {
  return (
    isMember(node, "import.meta", "url") || (node.type === AST_NODE_TYPES.Identifier && node.name === "__filename")
  );
}

function isStartedScript(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && node.computed && isMember(node.object, "process", "argv");
}

/** The node, or the value a path or URL conversion of it was made from. */
function isWrapped(node: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
  if (test(node)) return true;
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
    return node.arguments.some((argument) => isWrapped(argument, test));
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.some((part) => isWrapped(part, test));
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) return isWrapped(node.object, test);
  return false;
}

/** `function seed() {}`, `const seed = () => {}`, `{ seed() {} }`, `class { seed() {} }`. */
function getFunctionName(fn: TSESTree.Node): string | undefined {
  if ("id" in fn && fn.id?.type === AST_NODE_TYPES.Identifier) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier)
    return parent.key.name;
  return getAssignedName(fn)?.name;
}

/**
 * Whether the node runs only as a one-off script, never in the server: in the block of a file run
 * directly (`if (require.main === module) { … }`), or in a seed routine (`async function seedDatabase()`).
 */
export function isScriptCode(node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && isRunDirectlyTest(parent.test))
      return true;
    if (isFunctionNode(parent) && SEED_NAME.test(getFunctionName(parent) ?? "")) return true;
  }
  return false;
}
