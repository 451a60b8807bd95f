import type { TSESLint } from "@typescript-eslint/utils";

import type { HardenRuleDocs } from "../utils/create-rule.js";
import noCatchAll500 from "./no-catch-all-500.js";
import noDebugDefaultOn from "./no-debug-default-on.js";
import noEnvReadInHandler from "./no-env-read-in-handler.js";
import noHardcodedConfig from "./no-hardcoded-config.js";
import noHardcodedSecret from "./no-hardcoded-secret.js";
import noInterpolatedLogMessage from "./no-interpolated-log-message.js";
import noLeakedErrorDetails from "./no-leaked-error-details.js";
import noPrintDebugging from "./no-print-debugging.js";
import noSecretEnvFallback from "./no-secret-env-fallback.js";
import noSwallowedError from "./no-swallowed-error.js";
import noUnvalidatedInput from "./no-unvalidated-input.js";
import requireGracefulShutdown from "./require-graceful-shutdown.js";
import requireHealthCheck from "./require-health-check.js";
import requireRequestId from "./require-request-id.js";
import requireRouteAuth from "./require-route-auth.js";

export type RuleModule = TSESLint.RuleModule<string, readonly unknown[], HardenRuleDocs> & { name: string };

/** Every rule, by id. The consistency test checks this against `src/rules/*.ts`, the docs and the tests. */
export const rules = {
  "no-catch-all-500": noCatchAll500,
  "no-debug-default-on": noDebugDefaultOn,
  "no-env-read-in-handler": noEnvReadInHandler,
  "no-hardcoded-config": noHardcodedConfig,
  "no-hardcoded-secret": noHardcodedSecret,
  "no-interpolated-log-message": noInterpolatedLogMessage,
  "no-leaked-error-details": noLeakedErrorDetails,
  "no-print-debugging": noPrintDebugging,
  "no-secret-env-fallback": noSecretEnvFallback,
  "no-swallowed-error": noSwallowedError,
  "no-unvalidated-input": noUnvalidatedInput,
  "require-graceful-shutdown": requireGracefulShutdown,
  "require-health-check": requireHealthCheck,
  "require-request-id": requireRequestId,
  "require-route-auth": requireRouteAuth,
} satisfies Record<string, RuleModule>;

export type RuleName = keyof typeof rules;
