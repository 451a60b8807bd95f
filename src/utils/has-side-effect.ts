import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/**
 * Whether evaluating `node` may do something (call, assign, await, construct…), judged on syntax.
 * Getters are assumed pure: a fix that drops `console.log(user.name)` drops no work anyone relies on.
 */
export function hasSideEffect(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Super:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.some(hasSideEffect);
    case AST_NODE_TYPES.MemberExpression:
      return hasSideEffect(node.object) || (node.computed && hasSideEffect(node.property));
    case AST_NODE_TYPES.ChainExpression:
      return hasSideEffect(node.expression);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === "delete" || hasSideEffect(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return hasSideEffect(node.left) || hasSideEffect(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return hasSideEffect(node.test) || hasSideEffect(node.consequent) || hasSideEffect(node.alternate);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.some((element) => element !== null && hasSideEffect(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.some((property) =>
        property.type === AST_NODE_TYPES.SpreadElement
          ? hasSideEffect(property.argument)
          : (property.computed && hasSideEffect(property.key)) || hasSideEffect(property.value),
      );
    case AST_NODE_TYPES.SpreadElement:
      return hasSideEffect(node.argument);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return hasSideEffect(node.expression);
    default:
      return true;
  }
}
