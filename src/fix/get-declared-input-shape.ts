import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getDeclaredValueType, type InputShape, type InputValueType } from "../utils/trace-request-input.js";

const MAX_DEPTH = 3;

function getKey(member: TSESTree.TSPropertySignature): string | undefined {
  if (!member.computed && member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  if (member.key.type === AST_NODE_TYPES.Literal && typeof member.key.value === "string") return member.key.value;
  return undefined;
}

/** The members of an inline object type, or of an interface / object type alias declared in this file. */
function getMembers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  type: TSESTree.TypeNode,
): TSESTree.TypeElement[] | undefined {
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type.members;
  if (
    type.type !== AST_NODE_TYPES.TSTypeReference ||
    type.typeName.type !== AST_NODE_TYPES.Identifier ||
    type.typeArguments
  )
    return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(type), type.typeName);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const node = definition?.node;
  if (node?.type === AST_NODE_TYPES.TSInterfaceDeclaration && node.extends.length === 0) return node.body.body;
  if (
    node?.type === AST_NODE_TYPES.TSTypeAliasDeclaration &&
    node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
  ) {
    return node.typeAnnotation.members;
  }
  return undefined;
}

function getElementType(type: TSESTree.TypeNode): InputValueType | undefined {
  const element =
    type.type === AST_NODE_TYPES.TSArrayType
      ? type.elementType
      : type.type === AST_NODE_TYPES.TSTypeReference
        ? type.typeArguments?.params[0]
        : undefined;
  const elementType = element && getDeclaredValueType(element);
  return elementType === "array" ? undefined : elementType;
}

function toShape(
  sourceCode: Readonly<TSESLint.SourceCode>,
  type: TSESTree.TypeNode,
  depth: number,
): InputShape | undefined {
  const members = depth < MAX_DEPTH ? getMembers(sourceCode, type) : undefined;
  if (!members) {
    const valueType = getDeclaredValueType(type);
    if (!valueType) return undefined;
    return {
      types: new Set([valueType]),
      element: valueType === "array" ? getElementType(type) : undefined,
      fields: new Map(),
      optional: false,
    };
  }
  const shape: InputShape = { types: new Set(), fields: new Map(), optional: false };
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature) return undefined;
    const key = getKey(member);
    if (key === undefined) return undefined;
    const annotation = member.typeAnnotation?.typeAnnotation;
    const field = (annotation && toShape(sourceCode, annotation, depth + 1)) ?? {
      types: new Set(),
      fields: new Map(),
      optional: false,
    };
    field.optional = member.optional;
    shape.fields.set(key, field);
  }
  return shape;
}

/**
 * The shape a handler's code declares for its input — a cast (`req.body as CreateUser`), a type
 * argument (`c.req.json<{ title: string }>()`, `Request<{}, {}, Body>`, `fastify.post<{ Body: B }>`), an
 * annotation — when it is an inline object type or an interface / type alias of this file: field names,
 * `?` optionality and keyword types (`string`, `number`, `boolean`, arrays). `undefined` otherwise.
 */
export function getDeclaredInputShape(
  sourceCode: Readonly<TSESLint.SourceCode>,
  type: TSESTree.TypeNode | undefined,
): InputShape | undefined {
  if (!type) return undefined;
  const shape = toShape(sourceCode, type, 0);
  return shape && shape.fields.size > 0 ? shape : undefined;
}

/** The member `name` of an inline object type, e.g. `Body` in `{ Body: CreateUser; Querystring: Q }`. */
export function getTypeLiteralMember(type: TSESTree.TypeNode | undefined, name: string): TSESTree.TypeNode | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeLiteral) return undefined;
  for (const member of type.members) {
    if (member.type === AST_NODE_TYPES.TSPropertySignature && getKey(member) === name)
      return member.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}

/** Adds what the code declares to what its use shows; a declared type wins over an inferred one. */
export function mergeDeclaredShape(used: InputShape, declared: InputShape): InputShape {
  const merged: InputShape = {
    types: declared.types.size > 0 ? new Set(declared.types) : new Set(used.types),
    element: declared.types.size > 0 ? declared.element : used.element,
    fields: new Map(),
    optional: used.optional || declared.optional,
  };
  for (const [key, field] of used.fields) {
    const other = declared.fields.get(key);
    merged.fields.set(key, other ? mergeDeclaredShape(field, other) : field);
  }
  for (const [key, field] of declared.fields) {
    if (!merged.fields.has(key)) merged.fields.set(key, field);
  }
  return merged;
}
