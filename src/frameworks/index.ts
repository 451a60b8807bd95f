export {
  DEFAULT_PUBLIC_MARKERS,
  DEFAULT_SESSION_CHECKS,
  getAuthVocabulary,
  getNameParts,
  isNamedIn,
  type AuthVocabulary,
} from "./get-auth-vocabulary.js";
export { getBindingSource, getRequiredSource, isLocalSpecifier } from "./get-binding-source.js";
export { getExternalRouteSources } from "./get-external-route-sources.js";
export { getDeclaredRoutes, getDecoratorName } from "./get-file-routes.js";
export { getFrameworkImports, type FrameworkImports } from "./get-framework-imports.js";
export { getFrameworkFromSignature, getParamName, getParamTypeName } from "./get-framework-from-signature.js";
export { getFunctionFromExpression, isFunctionNode } from "./get-function-from-expression.js";
export { findEnclosingHandler, getHandlerInfo } from "./get-handler-info.js";
export { getHelperStatus } from "./get-helper-status.js";
export { getModuleAuthBindings, type ModuleAuthBinding } from "./get-module-auth-bindings.js";
export { getNextRouteFile, type NextRouteFile } from "./get-next-route-file.js";
export { isNextAppFile } from "./is-next-app-file.js";
export { getReceiver, isReceiverLikeName, joinPaths } from "./get-receiver.js";
export { getReceiverMounts, getReceiverPrefix, getReceiverVariable, type ReceiverMount } from "./get-receiver-mount.js";
export {
  getResponseSend,
  RESPONSE_SEND_SELECTOR,
  type ResponseBodyFormat,
  type ResponseSend,
  type ResponseSendKind,
} from "./get-response-send.js";
export { getRouteAuth, type RouteAuth } from "./get-route-auth.js";
export { getRouteMiddleware, type AppliedMiddleware } from "./get-route-middleware.js";
export {
  getNestInputParameter,
  getRequestInputBinding,
  getRequestInputRead,
  getRequestInputPropertyNames,
  REQUEST_INPUT_PROPERTY_NAMES,
  type NestInputParameter,
  type RequestInputRead,
  type RequestInputSource,
} from "./get-request-input-read.js";
export { getObjectProperty, getRouteRegistration, ROUTE_METHODS } from "./get-route-registration.js";
export { getServerStart, type ServerStart } from "./get-server-start.js";
export { getStaticString } from "./get-static-string.js";
export { getStatusCode } from "./get-status-code.js";
export {
  getAuthNameInfo,
  getAuthWordsKind,
  getNameWords,
  isAuthName,
  type AuthNameInfo,
  type AuthWordsKind,
} from "./is-auth-name.js";
export { isAuthHandler, isAuthMiddleware, isAuthNamed, isOptionalAuthMiddleware } from "./is-auth-middleware.js";
export { isAuthenticatingFunction } from "./is-authenticating-function.js";
export { isConstantHandler } from "./is-constant-handler.js";
export { isDocumentationHandler } from "./is-documentation-handler.js";
export { isCatchAllPath, isPathCoveredBy, isWildcardRoutePath } from "./is-path-covered-by.js";
export { DEFAULT_PUBLIC_PATHS, isPublicPath, matchesPathGlob } from "./is-public-path.js";
export { isRoutePathComplete } from "./is-route-path-complete.js";
export type * from "./types.js";
