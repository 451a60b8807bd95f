/**
 * How code names an error the client caused, shared by the scan of other files' text and the reading of
 * the linted file: NestJS's 4xx exception classes (`NotFoundException`) and the 4xx status names of
 * `HttpStatus` / http-status-codes' `StatusCodes` (`HttpStatus.CONFLICT`). Regular-expression sources.
 */
export const CLIENT_EXCEPTION_CLASS =
  "\\b(?:BadRequest|Unauthorized|Forbidden|NotFound|MethodNotAllowed|NotAcceptable|RequestTimeout|Conflict|Gone|PreconditionFailed|PayloadTooLarge|UnsupportedMediaType|UnprocessableEntity|ImATeapot)Exception\\b";
export const CLIENT_STATUS_NAME =
  "\\.(?:BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|GONE|UNPROCESSABLE_ENTITY|PAYLOAD_TOO_LARGE|TOO_MANY_REQUESTS)\\b";
