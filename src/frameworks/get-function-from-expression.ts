import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { FunctionNode, RuleContext } from "./types.js";

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/**
 * The function an expression stands for, when this file shows it: an inline function, a local
 * function / `const f = () => {}`, or the function passed to a one-argument wrapper such as
 * `asyncHandler(async (req, res) => {})`.
 */
export function getFunctionFromExpression(
  context: RuleContext,
  expression: TSESTree.Node | undefined,
  depth = 0,
): FunctionNode | undefined {
  if (!expression || depth > 3) return undefined;
  if (isFunctionNode(expression)) return expression;
  if (expression.type === AST_NODE_TYPES.TSAsExpression || expression.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    return getFunctionFromExpression(context, expression.expression, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!definition) return undefined;
    if (definition.type === "FunctionName" && isFunctionNode(definition.node)) return definition.node;
    if (definition.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
      const init = definition.node.init;
      if (init && init !== expression) return getFunctionFromExpression(context, init, depth + 1);
    }
    return undefined;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const functionArgs = expression.arguments.filter(isFunctionNode);
    const last = expression.arguments.at(-1);
    if (functionArgs.length === 1 && isFunctionNode(last) && last === functionArgs[0]) return last;
  }
  return undefined;
}
