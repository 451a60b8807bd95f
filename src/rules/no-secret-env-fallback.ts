import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isNextAppFile } from "../frameworks/is-next-app-file.js";
import { getPropertyRemovalRange } from "../fix/get-property-removal-range.js";
import { insertStatementAfter } from "../fix/insert-statement.js";
import {
  canCallRequireEnv,
  getRequireEnvCall,
  getRequireEnvFixes,
  getRequireEnvHelper,
  getRequireEnvHelperFixes,
  getRequireWhereUsedFix,
  type RequireEnvHelper,
} from "../fix/get-require-env-fixes.js";
import { describeLintedValueUse } from "../project/get-file-facts.js";
import { getExportedValueUses } from "../project/get-exported-value-uses.js";
import { getLintedFileFacts, getLintedFilePath } from "../project/get-project-function.js";
import { createRule } from "../utils/create-rule.js";
import { getAssignedName } from "../utils/get-assigned-name.js";
import { getCredentialKind } from "../utils/get-credential-kind.js";
import { getEnvFallback, getStaticStringValue, type EnvFallback } from "../utils/get-env-fallback.js";
import {
  ENV_CALL_SELECTOR,
  ENV_MEMBER_SELECTOR,
  getDestructuredEnvReads,
  getEnvRead,
  type DestructuredEnvRead,
  type EnvSource,
} from "../utils/get-env-read.js";
import { getEnvSchemaDefaults, type EnvSchemaDefault } from "../utils/get-env-schema-defaults.js";
import { createSecretNameMatcher, secretNameOptionsSchema, type SecretNameOptions } from "../utils/is-secret-name.js";
import { isEvaluatedOnImport } from "../utils/is-evaluated-on-import.js";
import { isInertCredential } from "../utils/is-obvious-non-secret.js";
import { isTestFile } from "../utils/is-test-file.js";

type Options = [SecretNameOptions];
type MessageIds =
  | "secretFallback"
  | "credentialFallback"
  | "secretFallbackOnImport"
  | "credentialFallbackOnImport"
  | "schemaDefault"
  | "schemaCredentialDefault"
  | "requireEnv"
  | "requireEnvLocal"
  | "requireEnvWhereUsed"
  | "requireEnvOnImport"
  | "removeDefaultOnImport";

/** Sources whose values `process.env` also holds, so the inserted helper reads the same variable. */
const PROCESS_SOURCES = new Set<EnvSource>(["process.env", "Bun.env"]);

/**
 * Options and arguments whose library refuses an empty secret, so `SECRET || ""` there fails closed:
 * express-session answers every request with "secret option required for sessions", jsonwebtoken fails
 * with "secretOrPrivateKey must have a value", passport-jwt throws "JwtStrategy requires a secret or key"
 * at startup. No one can sign or forge anything with the empty value.
 */
const REFUSES_EMPTY_SECRET = new Set([
  "express-session(0).secret",
  "jsonwebtoken.sign(1)",
  "jsonwebtoken.verify(1)",
  "passport-jwt.Strategy(0).secretOrKey",
]);

export default createRule<Options, MessageIds>({
  name: "no-secret-env-fallback",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hardcoded fallbacks for secret environment variables; require them at startup instead.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-secret-env-fallback.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: secretNameOptionsSchema,
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
    messages: {
      secretFallback:
        "`{{name}}` is a secret but falls back to a value written in the source: a deployment that forgets it runs with a secret anyone can read. Require it: {{call}}.",
      credentialFallback:
        "The fallback for `{{name}}` looks like {{kind}}: a committed credential, used whenever the variable is unset. Rotate it and require the variable: {{call}}.",
      schemaDefault:
        "The env schema gives the secret `{{name}}` a default: a deployment that forgets it starts with a value written in the source. Remove the default so startup fails.",
      schemaCredentialDefault:
        "The env schema's default for `{{name}}` looks like {{kind}}: a committed credential, used whenever the variable is unset. Rotate it and remove the default.",
      secretFallbackOnImport:
        "`{{name}}` is a secret but falls back to a value written in the source. Require it where it is used ({{call}}): this line runs when `next build` imports the module.",
      credentialFallbackOnImport:
        "The fallback for `{{name}}` looks like {{kind}}: a committed credential. Rotate it; require the variable where it is used ({{call}}), not when `next build` imports the module.",
      requireEnv: "Require `{{name}}`: replace the read and its fallback with {{call}}.",
      requireEnvLocal:
        "Require `{{name}}` with {{call}}, adding a `requireEnv` function to this file (name the project's helper in `settings.harden.env` to have this fixed automatically).",
      requireEnvWhereUsed:
        "Read `{{name}}` where `{{binding}}` is used: replace `{{binding}}` with {{call}} in the functions that use it, so importing the module does not need the secret.",
      requireEnvOnImport:
        "Require `{{name}}` here with {{call}}: it throws when the module is imported, so `next build` fails wherever `{{name}}` is not set.",
      removeDefaultOnImport:
        "Remove the default: validation then fails when the module is imported, so `next build` fails wherever `{{name}}` is not set.",
    },
  },
  create(context, [options]) {
    // First, so an invalid pattern option fails on every file, test files and files without `env` included.
    createSecretNameMatcher(options);
    // Every finding reads or validates the environment, and each form of that has `env` in it.
    if (isTestFile(context)) return {};
    const matchSecret = createSecretNameMatcher(options);
    const sourceCode = context.sourceCode;
    let helperOfFile: RequireEnvHelper | undefined;
    const getHelper = () => (helperOfFile ??= getRequireEnvHelper(context));
    let nextAppOfFile: boolean | undefined;
    /**
     * Whether `node` runs when `next build` imports the file: there a read that throws fails the build, so
     * nothing is autofixed and the suggestions say so. Asked only for a finding, and cheapest part first.
     */
    const runsOnNextImport = (node: TSESTree.Node) =>
      isEvaluatedOnImport(node) && (nextAppOfFile ??= isNextAppFile(context));

    /** Why the value is a secret: its name, the name it is stored under, or what the fallback looks like. */
    function classify(
      names: readonly string[],
      fallbackValue: string,
      assignedTo: string | undefined,
    ): { messageId: "secretFallback" | "credentialFallback"; kind?: string } | undefined {
      // The variable's own name says best what the secret is for; the name it is stored under, failing that.
      let secretNames = names.filter((name) => matchSecret(name));
      if (secretNames.length === 0 && assignedTo !== undefined && matchSecret(assignedTo)) secretNames = [assignedTo];
      if (secretNames.length > 0) {
        // An empty connection string connects nowhere; an empty or dummy key for another service
        // (`API_KEY_X || ""`, `TWITTER_API_KEY: "dummyApiKey"`) switches an optional integration off.
        // Neither is a working secret. `JWT_SECRET || ""` is: an empty HMAC key signs fine.
        const inert = secretNames.every(
          (name) =>
            (matchSecret(name) === "connection" && fallbackValue.trim() === "") ||
            isInertCredential(fallbackValue, name),
        );
        return inert ? undefined : { messageId: "secretFallback" };
      }
      const kind = getCredentialKind(fallbackValue);
      return kind ? { messageId: "credentialFallback", kind } : undefined;
    }

    /**
     * Autofix only with a helper the project or the file already has (an inserted copy is a suggestion),
     * and only when it reads the same variable the code read: the settings helper is the project's
     * word for that; the file's own `requireEnv` is assumed to read `process.env`.
     */
    function isAutofixable(sources: readonly EnvSource[]): boolean {
      const origin = getHelper().origin;
      if (origin === "settings") return true;
      return origin === "declared" && sources.every((source) => PROCESS_SOURCES.has(source));
    }

    /**
     * Reports a finding whose fix replaces the read with a required-env call. `binding` is the module-level
     * `const` that holds the value, when the value can instead be read where that binding is used.
     */
    function report(
      node: TSESTree.Node,
      verdict: { messageId: "secretFallback" | "credentialFallback"; kind?: string },
      name: string,
      sources: readonly EnvSource[],
      fix: TSESLint.ReportFixFunction | undefined,
      binding?: { declarator: TSESTree.VariableDeclarator; name: string },
    ): void {
      const call = getRequireEnvCall(context, name);
      const data = { name, call: `\`${call}\``, kind: verdict.kind ?? "" };
      if (runsOnNextImport(node)) {
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (fix && binding) {
          const whereUsed = getRequireWhereUsedFix(context, binding.declarator, binding.name, name);
          if (whereUsed)
            suggest.push({
              messageId: "requireEnvWhereUsed",
              data: { ...data, binding: binding.name },
              fix: whereUsed,
            });
        }
        if (fix) suggest.push({ messageId: "requireEnvOnImport", data, fix });
        context.report({ node, messageId: `${verdict.messageId}OnImport`, data, suggest });
        return;
      }
      const autofix = fix !== undefined && isAutofixable(sources);
      const suggestion = getHelper().origin === "inserted" ? "requireEnvLocal" : "requireEnv";
      context.report({
        node,
        messageId: verdict.messageId,
        data,
        fix: autofix ? fix : null,
        suggest: fix && !autofix ? [{ messageId: suggestion, data, fix }] : [],
      });
    }

    /**
     * Where the value of `node` goes, in this file and, for an exported binding, in the files that import it
     * (see `describeLintedValueUse`). `undefined` when a use cannot be followed.
     */
    function getValueUses(node: TSESTree.Node): string[] | undefined {
      const imports = getLintedFileFacts(sourceCode).imports;
      const declarator = node.parent;
      if (
        declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== node ||
        declarator.id.type !== AST_NODE_TYPES.Identifier
      ) {
        return [describeLintedValueUse(node, imports)];
      }
      const variable = sourceCode.getDeclaredVariables(declarator)[0];
      if (!variable) return undefined;
      const uses: string[] = [];
      const exportedNames: string[] =
        declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? [variable.name] : [];
      for (const reference of variable.references) {
        if (reference.init || !reference.isRead()) continue;
        const parent = reference.identifier.parent;
        if (parent.type === AST_NODE_TYPES.ExportSpecifier) {
          exportedNames.push(
            parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : parent.exported.value,
          );
        } else {
          uses.push(describeLintedValueUse(reference.identifier, imports));
        }
      }
      for (const exported of exportedNames) {
        const elsewhere = getExportedValueUses(getLintedFilePath(context), exported);
        if (!elsewhere) return undefined;
        uses.push(...elsewhere);
      }
      return uses;
    }

    /** `SECRET || ""` whose every use refuses an empty secret: a deployment that forgets it fails, it does not run open. */
    function failsClosed(fallback: EnvFallback, value: string): boolean {
      if (value.trim() !== "") return false;
      const uses = getValueUses(fallback.node);
      return uses !== undefined && uses.length > 0 && uses.every((use) => REFUSES_EMPTY_SECRET.has(use));
    }

    function checkFallback(fallback: EnvFallback): void {
      const value = getStaticStringValue(context, fallback.fallback);
      if (value === undefined) return;
      const verdict = classify(
        fallback.reads.map((r) => r.name),
        value,
        getAssignedName(fallback.node)?.name,
      );
      if (!verdict || failsClosed(fallback, value)) return;
      const range = fallback.replaceRange;
      const target = fallback.lastRead;
      const fix =
        range && canCallRequireEnv(context, fallback.node)
          ? (fixer: TSESLint.RuleFixer) => getRequireEnvFixes(fixer, context, range, target.name)
          : undefined;
      const declarator = fallback.node.parent;
      const binding =
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init === fallback.node &&
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        range?.[0] === fallback.node.range[0] &&
        range[1] === fallback.node.range[1]
          ? { declarator, name: declarator.id.name }
          : undefined;
      report(
        fallback.fallback,
        verdict,
        target.name,
        fallback.reads.map((r) => r.source),
        fix,
        binding,
      );
    }

    function onRead(node: TSESTree.MemberExpression | TSESTree.CallExpression): void {
      const read = getEnvRead(context, node);
      if (!read) return;
      const fallback = getEnvFallback(context, read);
      // A chain `A || B || "v"` and `X ? X : v` hold several reads; report once, from the first.
      if (!fallback || fallback.reads[0]?.node !== read.node) return;
      checkFallback(fallback);
    }

    /** `const { X = "v" } = process.env` → `const X = requireEnv("X")`, kept in the same declaration style. */
    function getDestructuringFix(
      pattern: TSESTree.ObjectPattern,
      read: DestructuredEnvRead,
    ): TSESLint.ReportFixFunction | undefined {
      const declarator = pattern.parent;
      if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || pattern.typeAnnotation || !read.binding)
        return undefined;
      const declaration = declarator.parent;
      if (declaration.kind !== "const" && declaration.kind !== "let") return undefined;
      if (
        declaration.declarations.length !== 1 ||
        pattern.properties.some((p) => p.type === AST_NODE_TYPES.RestElement)
      )
        return undefined;
      const statement =
        declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
      const container = statement.parent?.type;
      if (
        container !== AST_NODE_TYPES.Program &&
        container !== AST_NODE_TYPES.BlockStatement &&
        container !== AST_NODE_TYPES.StaticBlock
      )
        return undefined;
      if (!canCallRequireEnv(context, declarator)) return undefined;
      const binding = read.binding.name;
      const call = getRequireEnvCall(context, read.name);
      if (pattern.properties.length === 1) {
        return (fixer) => [
          fixer.replaceText(declarator, `${binding} = ${call}`),
          ...getRequireEnvHelperFixes(fixer, context),
        ];
      }
      // `const { A = "x", B = A } = process.env`: moving `A` after the pattern would break `B`'s default.
      const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === binding);
      if (
        variable?.references.some(
          (ref) => ref.identifier.range[0] > read.property.range[1] && ref.identifier.range[1] <= pattern.range[1],
        )
      )
        return undefined;
      const exported = statement === declaration ? "" : "export ";
      return (fixer) => [
        fixer.removeRange(getPropertyRemovalRange(sourceCode, read.property)),
        insertStatementAfter(fixer, sourceCode, statement, `${exported}${declaration.kind} ${binding} = ${call}`),
        ...getRequireEnvHelperFixes(fixer, context),
      ];
    }

    function getSchemaFix(entry: EnvSchemaDefault): TSESLint.ReportFixFunction | undefined {
      if (entry.optional) return undefined;
      const removable = entry.removable;
      if (removable.type === AST_NODE_TYPES.CallExpression) {
        const callee = removable.callee as TSESTree.MemberExpression;
        return (fixer) => fixer.removeRange([callee.object.range[1], removable.range[1]]);
      }
      const options = removable.parent as TSESTree.ObjectExpression;
      if (options.properties.length === 1) return (fixer) => fixer.remove(options);
      return (fixer) => fixer.removeRange(getPropertyRemovalRange(sourceCode, removable));
    }

    return {
      [ENV_MEMBER_SELECTOR]: onRead,
      [ENV_CALL_SELECTOR]: onRead,
      ObjectPattern(pattern) {
        for (const read of getDestructuredEnvReads(context, pattern)) {
          if (!read.defaultValue) continue;
          const value = getStaticStringValue(context, read.defaultValue);
          if (value === undefined) continue;
          const verdict = classify([read.name], value, read.binding?.name);
          if (!verdict) continue;
          const declarator = pattern.parent;
          const binding =
            declarator.type === AST_NODE_TYPES.VariableDeclarator && read.binding && pattern.properties.length === 1
              ? { declarator, name: read.binding.name }
              : undefined;
          report(read.defaultValue, verdict, read.name, [read.source], getDestructuringFix(pattern, read), binding);
        }
      },
      "CallExpression[callee.name=/^c(?:lean|reate)Env$/u], CallExpression[callee.property.name=/^(?:cleanEnv|createEnv|object)$/u]"(
        node: TSESTree.CallExpression,
      ) {
        for (const entry of getEnvSchemaDefaults(context, node)) {
          const value = getStaticStringValue(context, entry.value);
          if (value === undefined) continue;
          const verdict = classify([entry.name], value, undefined);
          if (!verdict) continue;
          const fix = getSchemaFix(entry);
          const messageId = verdict.messageId === "secretFallback" ? "schemaDefault" : "schemaCredentialDefault";
          const data = { name: entry.name, kind: verdict.kind ?? "" };
          // Without the default the schema throws where it is parsed: at import, in a Next.js module.
          if (fix && runsOnNextImport(entry.value)) {
            context.report({
              node: entry.value,
              messageId,
              data,
              suggest: [{ messageId: "removeDefaultOnImport", data, fix }],
            });
            continue;
          }
          context.report({ node: entry.value, messageId, data, fix: fix ?? null });
        }
      },
    };
  },
});
