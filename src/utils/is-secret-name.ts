import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";

/**
 * Words that make a name a secret, matched as whole `_`-separated segments of the CONSTANT_CASE name.
 * Compound words come before their parts (`SECRET_KEY` before `SECRET`) so that the match, not a
 * qualifier check, sees them. Every alternative is a fixed string: the pattern is linear-time.
 */
export const DEFAULT_SECRET_PATTERN = [
  "(?:^|_)(?:",
  [
    "CLIENT_SECRET",
    "SECRET_OR_(?:PRIVATE_|PUBLIC_)?KEY",
    "SECRET_?KEY_?BASE",
    "SECRET_?KEYS?",
    "SECRETS?",
    "PASSWORDS?",
    "PASSWD",
    "PASSPHRASE",
    "TOKEN",
    "API_?KEYS?",
    "PRIVATE_?KEY",
    "ACCESS_?KEY",
    "AUTH_?KEY",
    "MASTER_?KEY",
    "SIGNING_?KEY",
    "ENCRYPTION_?KEY",
    "ENC_KEY",
    "CRYPTO_KEY",
    "HMAC_KEY",
    "JWT_KEY",
    "SESSION_KEYS?",
    "COOKIE_KEYS?",
    "SERVICE_ROLE_KEY",
    "(?:STRIPE|OPENAI|ANTHROPIC|SENDGRID|MAILGUN|TWILIO|RESEND|POSTMARK|GITHUB|SLACK)_KEY",
    "CREDENTIALS?",
    "CREDS",
    "SALT",
    "PEPPER",
    "DSN",
    "DATABASE_UR[LI]",
    "DB_UR[LI]",
    "CONNECTION_?STRING",
    "CONN_?STR(?:ING)?",
    "MONGO(?:DB)?_UR[LI]",
    "REDIS_UR[LI]",
    "POSTGRES(?:QL)?_UR[LI]",
    "PG_UR[LI]",
    "MYSQL_UR[LI]",
    "AMQP_UR[LI]",
    "RABBITMQ_UR[LI]",
  ].join("|"),
  ")(?=_|$)",
  // `DB_PASS`, `SMTP_PWD`: only after a service that logs in (`ALL_PASS`, `SECOND_PASS`, `PWD` are not credentials).
  "|(?:^|_)(?:DB|DATABASE|SMTP|MAIL|EMAIL|REDIS|MYSQL|PG|POSTGRES|MONGO|RABBITMQ|AMQP|FTP|SFTP|LDAP|ADMIN|ROOT|USER|AUTH|PROXY)_(?:PASS|PWD)$",
].join("");

/**
 * A segment after the secret word that makes the name describe the secret rather than hold it:
 * `TOKEN_EXPIRES_IN`, `PASSWORD_MIN_LENGTH`, `SALT_ROUNDS`, `API_KEY_HEADER`, `SECRET_NAME`.
 */
const DEFAULT_QUALIFIER_PATTERN = new RegExp(
  `(?:^|_)(?:${[
    "LENGTH",
    "LEN",
    "SIZE",
    "BYTES",
    "BITS",
    "TTL",
    "EXPIRES?",
    "EXPIRY",
    "EXPIRATION",
    "EXP",
    "LIFETIME",
    "AGE",
    "DURATION",
    "TIMEOUT",
    "DAYS",
    "HOURS",
    "MINUTES",
    "SECONDS",
    "MS",
    "SEC",
    "ROUNDS",
    "COST",
    "ITERATIONS",
    "WORK_FACTOR",
    "MIN",
    "MAX",
    "LIMIT",
    "COUNT",
    "HEADER",
    "FIELD",
    "PARAM",
    "QUERY",
    "NAME",
    "ARN",
    "PATH",
    "FILE",
    "DIR",
    "ID",
    "ENDPOINT",
    "URL",
    "URI",
    "HOST",
    "PORT",
    "ENABLED",
    "DISABLED",
    "REQUIRED",
    "TYPE",
    "ALGORITHM",
    "ALGO",
    "ALG",
    "ISSUER",
    "AUDIENCE",
    "VERSION",
    "PREFIX",
    "COOKIE",
    "STORAGE",
    "LOCATION",
    "POLICY",
    "STRENGTH",
    "REGEX",
    "PATTERN",
    "HINT",
    "LABEL",
    "PROMPT",
    "ENCODING",
    "FORMAT",
    "MODE",
    "STRATEGY",
    "PROVIDER",
    "INTERVAL",
    "MANAGER",
    "STORE",
    "VAULT",
    "REGION",
    "BACKEND",
    "KEY",
    "ERROR",
    "MESSAGE",
    "MSG",
    "TEXT",
    "PLACEHOLDER",
    "INPUT",
    "SELECTOR",
    "RULES?",
    "SCHEMA",
    "VALIDATOR",
    "VALIDATION",
    "WORDS?",
    "LIST",
    "NAMES",
    "FIELDS",
    "PROPS",
    "PATTERNS",
    "REGEXP?",
    "RE",
    "ROUTE",
    "PAGE",
    "EVENT",
    "STATUS",
    "STATE",
    "RESET",
    "CHANGED",
    "UPDATED",
    "CREATED",
    "AT",
    "VISIBLE",
    "VISIBILITY",
    "SHOWN",
    "SHOW",
    "HIDDEN",
    "ROTATION",
    "PERIOD",
  ].join("|")})(?=_|$)`,
  "u",
);

/** Segments that mark a value as public by design: `NEXT_PUBLIC_*`, `VAPID_PUBLIC_KEY`, `PUBLISHABLE_KEY`. */
const PUBLIC_PATTERN = /(?:^|_)(?:PUBLIC|PUBLISHABLE|PUB)(?=_|$)/u;

/** Names of connection strings: a hardcoded one is a credential only when it carries a password. */
const CONNECTION_NAME_PATTERN = /(?:^|_)(?:UR[LI]|DSN|CONNECTION_?STRING|CONN_?STR(?:ING)?)$/u;

/** The shared options of the secret rules. */
export interface SecretNameOptions {
  /** Replaces the default secret-name pattern (a regular expression source, `u` flag, matched against the CONSTANT_CASE name). */
  secretPattern?: string;
  /** Names that match this pattern are secrets too, in addition to `secretPattern` / the default. */
  additionalSecretPattern?: string;
  /** Names that match this pattern are never secrets (e.g. `"^DEMO_"`), checked first. */
  ignorePattern?: string;
}

const regexSource = (description: string): JSONSchema4 => ({ type: "string", minLength: 1, description });

/** JSON-schema properties of {@link SecretNameOptions}, for each rule's options schema. */
export const secretNameOptionsSchema: Record<keyof SecretNameOptions, JSONSchema4> = {
  secretPattern: regexSource(
    "Regular expression (source, `u` flag) that replaces the default secret-name pattern. Tested against the name in CONSTANT_CASE (`stripeKey` → `STRIPE_KEY`).",
  ),
  additionalSecretPattern: regexSource(
    "Regular expression (source, `u` flag) for more secret names, added to the default (or to `secretPattern`). Tested against the CONSTANT_CASE name.",
  ),
  ignorePattern: regexSource(
    "Regular expression (source, `u` flag) for names that are never treated as secrets. Tested against the CONSTANT_CASE name.",
  ),
};

/** `secret` for a secret value, `connection` for a connection string (secret only with a password in it). */
export type SecretNameKind = "secret" | "connection";

export type SecretNameMatcher = (name: string) => SecretNameKind | undefined;

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * `stripeKey` → `STRIPE_KEY`, `APIKey` → `API_KEY`, `jwt-secret` → `JWT_SECRET`, `DB_PASSWORD` → `DB_PASSWORD`.
 * A single linear pass (no regular expression), so a pathological identifier costs nothing.
 */
export function toConstantCase(name: string): string {
  let out = "";
  let pendingSeparator = false;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const alphanumeric = isUpper(code) || isLower(code) || isDigit(code);
    if (!alphanumeric) {
      pendingSeparator = out.length > 0;
      continue;
    }
    if (isUpper(code) && out.length > 0) {
      const previous = name.charCodeAt(index - 1);
      const next = index + 1 < name.length ? name.charCodeAt(index + 1) : 0;
      // `jwtSecret` (lower→Upper) and `APIKey` (the K of an acronym followed by lowercase).
      if (isLower(previous) || isDigit(previous) || (isUpper(previous) && isLower(next))) pendingSeparator = true;
    }
    if (pendingSeparator && out.length > 0) out += "_";
    pendingSeparator = false;
    out += name[index]?.toUpperCase() ?? "";
  }
  return out;
}

function compile(source: string, option: string): RegExp {
  try {
    return new RegExp(source, "u");
  } catch (error) {
    throw new Error(`eslint-plugin-harden: invalid option \`${option}\`: ${(error as Error).message}`);
  }
}

const DEFAULT_SECRET_REGEX = new RegExp(DEFAULT_SECRET_PATTERN, "gu");

/** The default check: a secret word whose tail carries no qualifier, and no public marker. */
function matchesDefault(constant: string): boolean {
  if (PUBLIC_PATTERN.test(constant)) return false;
  let lastEnd = -1;
  DEFAULT_SECRET_REGEX.lastIndex = 0;
  for (let match = DEFAULT_SECRET_REGEX.exec(constant); match; match = DEFAULT_SECRET_REGEX.exec(constant)) {
    lastEnd = match.index + match[0].length;
    if (match[0].length === 0) DEFAULT_SECRET_REGEX.lastIndex++;
  }
  if (lastEnd < 0) return false;
  return !DEFAULT_QUALIFIER_PATTERN.test(constant.slice(lastEnd));
}

const matcherCache = new Map<string, SecretNameMatcher>();
const matcherByOptions = new WeakMap<object, SecretNameMatcher>();

/**
 * A matcher for secret names under the given options (cached per option set). Names are compared in
 * CONSTANT_CASE, so `jwtSecret`, `jwt_secret` and `JWT_SECRET` are the same name. Invalid patterns
 * throw an error naming the option.
 */
export function createSecretNameMatcher(options: SecretNameOptions = {}): SecretNameMatcher {
  // An options object ESLint hands every file (a rule's defaults): the identity check saves building the key.
  const known = matcherByOptions.get(options);
  if (known) return known;
  const key = JSON.stringify([options.secretPattern, options.additionalSecretPattern, options.ignorePattern]);
  const cached = matcherCache.get(key);
  if (cached) {
    matcherByOptions.set(options, cached);
    return cached;
  }
  const custom = options.secretPattern === undefined ? undefined : compile(options.secretPattern, "secretPattern");
  const additional =
    options.additionalSecretPattern === undefined
      ? undefined
      : compile(options.additionalSecretPattern, "additionalSecretPattern");
  const ignore = options.ignorePattern === undefined ? undefined : compile(options.ignorePattern, "ignorePattern");
  // Names repeat across a codebase (`type`, `message`, `password`): each is judged once. Bounded.
  const answers = new Map<string, SecretNameKind | null>();
  const matcher: SecretNameMatcher = (name) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = judge(name) ?? null;
      if (answers.size >= 10_000) answers.clear();
      answers.set(name, answer);
    }
    return answer ?? undefined;
  };
  const judge: SecretNameMatcher = (name) => {
    // `"email or password"` as an object key is a message, not a name.
    if (/\s/u.test(name)) return undefined;
    // `"apiKey.source"` (a log field), `auth.jwtSecret`: a dotted path names its last part.
    const constant = toConstantCase(name.slice(name.lastIndexOf(".") + 1));
    if (constant === "" || ignore?.test(constant)) return undefined;
    const isSecret = (custom ? custom.test(constant) : matchesDefault(constant)) || additional?.test(constant) === true;
    if (!isSecret) return undefined;
    return CONNECTION_NAME_PATTERN.test(constant) ? "connection" : "secret";
  };
  matcherCache.set(key, matcher);
  matcherByOptions.set(options, matcher);
  return matcher;
}

/** Whether `name` (any case style) names a secret under the default pattern. */
export function isSecretName(name: string, options?: SecretNameOptions): boolean {
  return createSecretNameMatcher(options)(name) !== undefined;
}
