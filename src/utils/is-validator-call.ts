import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getCalleeNames } from "./get-callee-names.js";

/** zod (`schema.parse(x)`) and valibot (`v.parse(schema, x)`, `parse(schema, x)`) entry points. */
const PARSE_METHODS = new Set([
  "parse",
  "safeParse",
  "parseAsync",
  "safeParseAsync",
  "spa",
  "decode",
  "safeDecode",
  "decodeAsync",
  "safeDecodeAsync",
]);
/** `.parse` on these is text parsing, not schema validation. */
const TEXT_PARSERS = new Set([
  "JSON",
  "JSON5",
  "qs",
  "querystring",
  "url",
  "URL",
  "path",
  "Date",
  "Number",
  "cookie",
  "yaml",
  "YAML",
  "toml",
  "TOML",
  "csv",
  "Papa",
  "marked",
  "dayjs",
  "moment",
  "DateTime",
  "contentType",
  "mime",
  "bytes",
  "ms",
  "parser",
  "xml2js",
  "semver",
  "uuid",
  "jwt",
]);
/** joi / yup / ajv / class-validator methods that check a value against a schema. */
const VALIDATE_METHODS = new Set([
  "validate",
  "validateAsync",
  "validateSync",
  "validateOrReject",
  "cast",
  "isValid",
  "isValidSync",
  "attempt",
]);
/** typebox `Value.Check(T, x)` / compiled `C.Check(x)`. */
const TYPEBOX_METHODS = new Set(["Check", "Parse", "Decode", "Assert"]);
/** superstruct `create(x, S)`, `assert(x, S)`, `is(x, S)`, `mask(x, S)`: the schema is the second argument. */
const SUPERSTRUCT_FUNCTIONS = new Set(["create", "assert", "is", "mask"]);
/** Calls whose result is a compiled validator function: `ajv.compile(schema)`, `TypeCompiler.Compile(T)`. */
const COMPILERS = new Set(["compile", "Compile", "getSchema", "compileAsync"]);
/**
 * A name that says it validates: `validate`, `validateBody`, `isValid`, `zodValidator`, `validation`.
 * `verify*` and `sanitize*` are not in it: `verifyUserCredentials(email, password)` and `verifyToken`
 * look a value up or check a signature, and a sanitiser escapes text; none checks the input's shape.
 */
const VALIDATOR_NAME = /[Vv]alid(?:at|$|[A-Z_])/u;

/**
 * Whether a call to `name` (on `object`, when it is a member call) checks input against a schema, judged
 * by names alone, as in another file's text: `validateFilters(x)`, `schema.parse(x)`, `v.safeParse(S, x)`,
 * `Joi.attempt(x, S)` — not `JSON.parse(text)` or cookie's `parse(header)`.
 */
export function isValidatorCalleeName(name: string, object: string | undefined, argumentCount: number): boolean {
  if (VALIDATOR_NAME.test(name) || VALIDATE_METHODS.has(name)) return true;
  if (!PARSE_METHODS.has(name)) return false;
  // A bare `parse(text)` is cookie's or qs's; valibot's takes the schema first: `parse(Schema, x)`.
  return object === undefined ? argumentCount >= 2 : !TEXT_PARSERS.has(object);
}

/** `{ signature: req.headers.get("Upstash-Signature"), body }`: what a signature check is given. */
function isSignatureCheck(argument: TSESTree.Node | undefined): boolean {
  return (
    argument?.type === AST_NODE_TYPES.ObjectExpression &&
    argument.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === "signature",
    )
  );
}

/** `verifyResetToken(token)`, `verifyWebhookSignature(sig)`: the value is accepted only if its signature holds. */
const SIGNED_VALUE_VERIFIER = /^verify\w*(?:Token|Signature|Jwt|JWT)$/u;

export function isValidatorName(name: string | undefined, extraNames: ReadonlySet<string>): boolean {
  return name !== undefined && (extraNames.has(name) || VALIDATOR_NAME.test(name));
}

function isCompiledValidator(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init =
    definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator
      ? definition.node.init
      : null;
  if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
  const { name } = getCalleeNames(init.callee);
  return name !== undefined && COMPILERS.has(name);
}

/**
 * Whether passing `argument` to `call` checks it against a schema: zod `.parse/.safeParse/...`,
 * valibot `parse(schema, x)`, joi / yup `.validate/.validateAsync/.validateSync/.cast`, `Joi.attempt`,
 * superstruct `create/assert/is/mask(x, S)`, typebox `Value.Check/Parse/Decode`, ajv `validate` and
 * compiled validators, `typia.*`, class-validator `validate(dto)`, `jwt.verify`, `verify…Token` /
 * `verify…Signature` and `receiver.verify({ signature, body })` (a signed value), any callee whose name
 * says it validates (`validateUser`, `isValid`), and the configured `extraNames`.
 */
export function isValidatorCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  extraNames: ReadonlySet<string>,
): boolean {
  const names = getCalleeNames(call.callee);
  const { name, root, path } = names;
  if (name === undefined) {
    // `ajv.compile(schema)(data)`
    return (
      call.callee.type === AST_NODE_TYPES.CallExpression && COMPILERS.has(getCalleeNames(call.callee.callee).name ?? "")
    );
  }
  if ((path !== undefined && extraNames.has(path)) || extraNames.has(name)) return true;
  if (root === "typia" || root === "Joi" || root === "joi") return true;
  // validator.js: `validator.isEmail(x)`, `validator.isLength(x, { min: 8 })`.
  if (root === "validator" && call.callee.type === AST_NODE_TYPES.MemberExpression) return true;
  // A token checked with `jwt.verify(token, secret)` or `verifyUnsubscribeToken(token)` is validated by its signature.
  if (name === "verify" && (root === "jwt" || root === "jsonwebtoken" || root === "jose")) return true;
  if (SIGNED_VALUE_VERIFIER.test(name)) return true;
  // A webhook receiver's `verify({ signature, body })` (Upstash QStash): the body counts only if its signature holds.
  if (name === "verify" && isSignatureCheck(call.arguments[0])) return true;
  if (PARSE_METHODS.has(name)) {
    if (call.callee.type === AST_NODE_TYPES.Identifier)
      return call.arguments.length >= 2 && call.arguments[0] !== argument;
    const object = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : undefined;
    return !(object?.type === AST_NODE_TYPES.Identifier && TEXT_PARSERS.has(object.name));
  }
  if (TYPEBOX_METHODS.has(name) && call.callee.type === AST_NODE_TYPES.MemberExpression) return true;
  if (SUPERSTRUCT_FUNCTIONS.has(name) && call.callee.type === AST_NODE_TYPES.Identifier) {
    const schema = call.arguments[1];
    return (
      call.arguments[0] === argument &&
      schema !== undefined &&
      schema.type !== AST_NODE_TYPES.Literal &&
      schema.type !== AST_NODE_TYPES.TemplateLiteral
    );
  }
  if (VALIDATE_METHODS.has(name)) return true;
  if (isValidatorName(name, extraNames)) return true;
  return call.callee.type === AST_NODE_TYPES.Identifier && isCompiledValidator(sourceCode, call.callee);
}
