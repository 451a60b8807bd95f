import { getUrlCredentials } from "./get-credential-kind.js";
import { toConstantCase } from "./is-secret-name.js";

/** Values a secret-named field holds when it is a type, a mode or an option rather than a secret. */
const NON_SECRET_WORDS = new Set([
  "string",
  "number",
  "boolean",
  "text",
  "hidden",
  "required",
  "optional",
  "object",
  "any",
  "none",
  "null",
  "undefined",
  "true",
  "false",
  "bearer",
  "basic",
  "digest",
  "oauth",
  "oauth2",
  "jwt",
  "header",
  "query",
  "cookie",
  "body",
  "new-password",
  "current-password",
  "one-time-code",
  "off",
  "on",
  "yes",
  "no",
  "default",
  "env",
  "include",
  "omit",
  "same-origin",
  "strict",
  "lax",
  "session",
  "local",
  "memory",
  "random",
  "auto",
  "manual",
]);

/** Words of validation errors: `{ password: "invalid" }`, `{ password: "incorrectPassword" }`. */
const ERROR_WORDS = new Set([
  "invalid",
  "incorrect",
  "wrong",
  "missing",
  "required",
  "mismatch",
  "mismatched",
  "weak",
  "short",
  "long",
  "expired",
  "empty",
  "bad",
  "error",
  "failed",
  "fail",
  "not",
  "no",
  "too",
  "must",
  "match",
  "taken",
  "reused",
  "unknown",
]);

/**
 * Templated or redacted values: `<password>`, `${SECRET}`, `{{token}}`, `%s`, `***`, `[REDACTED]`,
 * `$DB_PASSWORD`. Anchored alternatives with one bounded or unambiguous quantifier each: linear.
 * Tutorial placeholders such as `"your-secret-key"` are *not* here: an app that runs with one is
 * exactly the bug.
 */
const PLACEHOLDER_VALUE =
  /^<[^>]{0,80}>$|^\$\{[^}]{0,80}\}$|^\{\{[^}]{0,80}\}\}$|^%[sd]$|^\*+$|^x+$|^\.{3}$|redacted|^\$[A-Z_]{1,80}$|^process\.env/iu;
/** Stripe publishable keys are meant for the browser: `Stripe("pk_live_…")` in client code is right. */
const PUBLISHABLE_KEY = /^pk_(?:live|test)_/u;
/** An env variable's name used as a value (`{ secret: "JWT_SECRET" }` in a config map); `_` separates the groups, so it is unambiguous. */
const ENV_NAME_VALUE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/u;
/** A route or a file path (`"/auth/token"`, `"./keys/private.pem"`). */
const PATH_VALUE = /^\.{0,2}\/[\w./:-]*$|\.(?:pem|key|crt|cer|p12|pfx|json|env|txt)$/u;
/** An i18n key or a dotted path: `auth.password.required`. `.` separates the groups, so it is unambiguous. */
const DOTTED_KEY = /^[a-z][\w-]*(?:\.[\w-]+)+$/u;
/** Characters of selectors, expressions and markup: `"[type=password]"`, `"password()"`. */
const STRUCTURAL = /[[\](){}=<>]/u;
/** Letters and digits only, in camelCase, snake_case or kebab-case: a name, not prose. */
const IDENTIFIER_LIKE = /^[A-Za-z][A-Za-z0-9_-]*$/u;
/** What a token (not a lexer token) looks like: one run of token characters with letters and digits. */
const TOKEN_CHARACTERS = /^[\w.+/=:-]{8,}$/u;
const DIGIT = /\d/u;
const LETTER = /[A-Za-z]/u;
const SENTENCE_END = /[.!?:]$/u;
/** A value that asks to be replaced: `"… replace it with your own secret"`, `"use your own key here"`. */
const REPLACE_ME = /\breplace\b.{0,40}\bwith\b|\byour own\b/iu;
const WHITESPACE = /\s/u;
const WORD_SEPARATORS = /[\s_-]/gu;
const SPACES = /\s+/u;

/** A credential format's fixed prefix on its own (`"whsec"`, `"sk_live_"`): an id prefix or a format check, not a credential. */
const CREDENTIAL_PREFIX_VALUE =
  /^(?:whsec|[spr]k(?:_(?:live|test))?|gh[pousr]|github_pat|glpat|xox[abposre]|npm|sk-(?:ant|proj)?|AKIA|AIza)[_-]?$/u;
/**
 * A password hash in a crypt format (bcrypt `$2b$12$…`, argon2 `$argon2id$v=19$…`, scrypt, SHA-crypt
 * `$6$…`, Django's `pbkdf2_sha256$…`): what a server stores so that it never holds the password.
 */
const PASSWORD_HASH =
  /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$|^\$argon2(?:id|i|d)\$v=\d+\$[\w=,]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$|^\$(?:scrypt|[56])\$\S{8,}$|^(?:pbkdf2_sha(?:1|256)|bcrypt_sha256|argon2)\$\S{8,}$/u;
/** The name of a token, cookie or header (`"refresh_token"`, `"x-api-key"`, `"session_id"`): what a `…Key` variable often holds. */
const KEY_NAME_VALUE = /^[a-z]+(?:[_-][a-z]+)*[_-](?:token|id|sid|key|session|cookie)$/u;
/** A name whose secret word is a `…_KEY`: it may name a lookup key (a cookie's, a header's) rather than hold a key. */
const KEY_SUFFIX_NAME = /(?:^|_)KEYS?$/u;

/**
 * Secrets this app presents to another service (a provider's API key, an OAuth client secret, a
 * database password), as opposed to secrets it signs or verifies with itself (`JWT_SECRET`,
 * `SESSION_SECRET`, a webhook secret). An empty or dummy value of the first kind authenticates
 * nothing: the provider refuses it. Of the second kind it is a working key anyone can sign with.
 */
const VENDOR_PREFIX =
  /^(?:STRIPE|OPENAI|ANTHROPIC|SENDGRID|MAILGUN|TWILIO|RESEND|POSTMARK|GITHUB|GITLAB|SLACK|TWITTER|GOOGLE|AWS|FACEBOOK|APPLE|DISCORD|MICROSOFT|AZURE|ALGOLIA|CLOUDINARY|SENTRY|PUSHER|PAYPAL|SHOPIFY|HUBSPOT|NOTION|SUPABASE|FIREBASE|TELEGRAM|MAPBOX|SPOTIFY|TMDB|LINKEDIN|AUTH0|OKTA)_/u;
/** Words that mark a secret the app itself signs, encrypts or verifies with. */
const OWN_SECRET_WORD =
  /(?:^|_)(?:JWT|SESSION|COOKIE|WEBHOOK|SIGNING|SIGNATURE|ENCRYPTION|ENC|HMAC|CRYPTO|SALT|PEPPER|MASTER|REFRESH|NEXTAUTH|ADMIN|ROOT)(?=_|$)/u;
/** Always a credential for another service. */
const OUTBOUND_WORD =
  /(?:^|_)(?:CLIENT_SECRET|SECRET_ACCESS_KEY|(?:DB|DATABASE|SMTP|MAIL|EMAIL|REDIS|MYSQL|PG|POSTGRES|MONGO|MONGODB|RABBITMQ|AMQP|FTP|SFTP|LDAP|PROXY|ELASTIC|ELASTICSEARCH|CLICKHOUSE|S3|MINIO)_(?:PASSWORDS?|PASS|PWD|PASSWD))(?=_|$)/u;
/** A credential for another service when the name says which (`API_KEY_OPEN_FIGI`); bare, it may be the app's own. */
const QUALIFIED_OUTBOUND_WORD =
  /(?:^|_)(?:API_?KEYS?|API_SECRET|ACCESS_?KEY|ACCESS_TOKEN|AUTH_TOKEN|BOT_TOKEN)(?=_|$)/u;
const BARE_OUTBOUND_NAME = /^(?:API_?KEYS?|API_SECRET|ACCESS_?KEY|ACCESS_TOKEN|AUTH_TOKEN|BOT_TOKEN)$/u;
/** `"dummy"`, `"dummySecret"`, `"fake-key"`, `"placeholder"`: a value that says it is not real. */
const DUMMY_VALUE = /^(?:dummy|fake|placeholder|mock)/iu;

/** Whether `name` names a credential the app presents to another service (see {@link VENDOR_PREFIX}). */
export function isOutboundCredentialName(name: string): boolean {
  const constant = toConstantCase(name.slice(name.lastIndexOf(".") + 1));
  if (OWN_SECRET_WORD.test(constant)) return false;
  if (VENDOR_PREFIX.test(constant) || OUTBOUND_WORD.test(constant)) return true;
  return QUALIFIED_OUTBOUND_WORD.test(constant) && !BARE_OUTBOUND_NAME.test(constant);
}

/**
 * An empty or dummy value of a credential for another service (`TWITTER_API_KEY: "dummyApiKey"`,
 * `API_KEY_X || ""`, `clientSecret: "dummy"`): it lets an optional integration boot switched off and
 * authenticates nothing. `JWT_SECRET || "dummy"` stays a secret: the app would sign with it.
 */
export function isInertCredential(value: string, name: string): boolean {
  const trimmed = value.trim();
  return (trimmed === "" || DUMMY_VALUE.test(trimmed)) && isOutboundCredentialName(name);
}

/** A regular-expression source (`"[A-Za-z0-9._~+/-]+=*"`): a character class and a quantifier. */
function isRegexSource(value: string): boolean {
  const open = value.indexOf("[");
  return open >= 0 && value.indexOf("]", open) > open && /[+*?]|\{\d/u.test(value);
}

function normalizeWord(text: string): string {
  return text.toLowerCase().replaceAll(WORD_SEPARATORS, "");
}

/**
 * A value that is not a credential even where only credentials go (`jwt.sign(p, "<secret>")`):
 * empty, templated, redacted, the name of an environment variable, or a publishable (public) key.
 */
export function isPlaceholderSecret(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed === "" || PLACEHOLDER_VALUE.test(trimmed) || ENV_NAME_VALUE.test(trimmed) || PUBLISHABLE_KEY.test(trimmed)
  );
}

/**
 * Values that a field named like a secret holds without being one: labels and messages
 * (`"Password is required"`, `"Invalid password"`), types and modes (`"string"`, `credentials: "include"`),
 * the field's own name (`{ password: "password" }`), env-variable names, routes, file paths, i18n keys,
 * URLs without a password, placeholders, one- and two-character values. Generous on purpose: a missed
 * report costs less than a rule people turn off.
 */
export function isObviousNonSecret(value: string, name: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 3 || isPlaceholderSecret(trimmed)) return true;
  if (NON_SECRET_WORDS.has(trimmed.toLowerCase()) || normalizeWord(trimmed) === normalizeWord(name)) return true;
  if (
    PATH_VALUE.test(trimmed) ||
    DOTTED_KEY.test(trimmed) ||
    isRegexSource(trimmed) ||
    CREDENTIAL_PREFIX_VALUE.test(trimmed) ||
    PASSWORD_HASH.test(trimmed)
  )
    return true;
  if (isInertCredential(trimmed, name)) return true;
  // `refreshCookieKey = "refresh_token"`: the cookie's name, not a key.
  if (KEY_NAME_VALUE.test(trimmed) && !/secret|pass/u.test(trimmed) && KEY_SUFFIX_NAME.test(toConstantCase(name)))
    return true;
  const nameWords = toConstantCase(name).toLowerCase().split("_").filter(Boolean);
  const lower = trimmed.toLowerCase();
  // `"[type=password]"`: the field's name inside a selector or an expression.
  if (STRUCTURAL.test(trimmed) && nameWords.some((word) => word.length > 3 && lower.includes(word))) return true;
  // `"invalid"`, `"incorrectEmailOrPassword"`: a validation error code.
  if (
    IDENTIFIER_LIKE.test(trimmed) &&
    toConstantCase(trimmed)
      .toLowerCase()
      .split("_")
      .some((word) => ERROR_WORDS.has(word))
  )
    return true;
  // `PREVIEW_SIGNING_KEY = "previewModeSigningKey"`: an identifier that names the same thing.
  if (nameWords.length > 1 && IDENTIFIER_LIKE.test(trimmed) && nameWords.every((word) => lower.includes(word)))
    return true;
  if (WHITESPACE.test(trimmed)) {
    // `"THIS IS USED TO SIGN AND VERIFY JWT TOKENS, REPLACE IT WITH YOUR OWN SECRET"`: a tutorial's
    // placeholder, which signs in production just the same when nobody replaces it.
    if (REPLACE_ME.test(trimmed)) return false;
    // A sentence or a label, not a passphrase (`"keyboard cat"`).
    const words = trimmed.split(SPACES);
    if (words.length >= 3 || SENTENCE_END.test(trimmed) || words.some((word) => nameWords.includes(word.toLowerCase())))
      return true;
  }
  return trimmed.includes("://") && getUrlCredentials(trimmed) === undefined;
}

/**
 * Whether a value could be an access token rather than a lexer or parser token (`token === "function"`):
 * eight or more token characters, with both letters and digits.
 */
export function looksLikeTokenValue(value: string): boolean {
  return TOKEN_CHARACTERS.test(value) && DIGIT.test(value) && LETTER.test(value);
}
