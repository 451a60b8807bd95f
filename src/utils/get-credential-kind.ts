/**
 * Credential formats recognisable from the value alone. Every pattern starts with a fixed prefix and
 * uses only bounded quantifiers over one character class, so matching is linear in the input; the
 * length of the match is checked afterwards by a bounded scan instead of an unbounded `+`.
 */
interface CredentialFormat {
  /** Shown in messages: "an AWS access key ID". */
  label: string;
  pattern: RegExp;
  /** Characters the token is made of, for measuring it after the prefix. */
  body: RegExp;
  /** Minimum length of the whole token (prefix included). */
  minLength: number;
}

const ALNUM = /[A-Za-z0-9]/u;
const ALNUM_DASH = /[A-Za-z0-9_-]/u;

const FORMATS: readonly CredentialFormat[] = [
  {
    label: "an AWS access key ID",
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/u,
    body: /[A-Z0-9]/u,
    minLength: 20,
  },
  { label: "a GitHub token", pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36}/u, body: ALNUM, minLength: 40 },
  {
    label: "a GitHub fine-grained token",
    pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{22}/u,
    body: /\w/u,
    minLength: 40,
  },
  { label: "a GitLab token", pattern: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20}/u, body: ALNUM_DASH, minLength: 26 },
  {
    label: "a Stripe secret key",
    pattern: /(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16}/u,
    body: ALNUM,
    minLength: 24,
  },
  { label: "a Stripe webhook secret", pattern: /(?<![A-Za-z0-9])whsec_[A-Za-z0-9]{24}/u, body: ALNUM, minLength: 30 },
  {
    label: "a Slack token",
    pattern: /(?<![A-Za-z0-9])xox[abposre]-[0-9A-Za-z]{6}[0-9A-Za-z-]{4}/u,
    body: ALNUM_DASH,
    minLength: 15,
  },
  {
    label: "a Slack webhook URL",
    pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]{6}[A-Z0-9/]{4}/u,
    body: /[A-Za-z0-9/]/u,
    minLength: 60,
  },
  { label: "a Google API key", pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}/u, body: ALNUM_DASH, minLength: 39 },
  {
    label: "an Anthropic API key",
    pattern: /(?<![A-Za-z0-9])sk-ant-[a-z]{3,5}\d{2}-[A-Za-z0-9_-]{20}/u,
    body: ALNUM_DASH,
    minLength: 40,
  },
  {
    label: "an OpenAI API key",
    pattern: /(?<![A-Za-z0-9])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20}/u,
    body: ALNUM_DASH,
    minLength: 40,
  },
  { label: "an npm token", pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}/u, body: ALNUM, minLength: 40 },
  {
    label: "a SendGrid API key",
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{20}/u,
    body: /[A-Za-z0-9_.-]/u,
    minLength: 60,
  },
  {
    label: "a PEM private key",
    pattern: /-----BEGIN [A-Z ]{0,24}PRIVATE KEY(?: BLOCK)?-----/u,
    body: /[A-Za-z0-9+/=\s-]/u,
    minLength: 80,
  },
];

/** The fixed prefixes of {@link FORMATS}: a necessary condition for any of them to match. */
const ANY_PREFIX =
  /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|[sr]k_(?:live|test)_|whsec_|xox[abposre]-|hooks\.slack\.com|AIza|sk-|npm_|SG\.|-----BEGIN /u;

/** Values that are documentation, not credentials: `sk_live_xxxxxxxx`, `AKIAIOSFODNN7EXAMPLE`, `ghp_your_token`. */
const PLACEHOLDER =
  /x{4}|X{4}|\*{3}|\.{3}|EXAMPLE|example|your|YOUR|Your|placeholder|PLACEHOLDER|REPLACE|replace_?me|<[^>]{0,40}>|0{10}|1234567890/u;

/** Fewer distinct characters than this in the body is a dummy value, not a generated key. */
const MIN_DISTINCT = 6;

function measure(value: string, start: number, body: RegExp): number {
  let end = start;
  // Bounded: keys are far shorter than this; a pathological input costs at most this much per match.
  const limit = Math.min(value.length, start + 4096);
  while (end < limit && body.test(value[end] ?? "")) end++;
  return end - start;
}

function distinctCount(text: string): number {
  return new Set(text).size;
}

function matchFormat(value: string, format: CredentialFormat): boolean {
  const match = format.pattern.exec(value);
  if (!match) return false;
  const length = match[0].length + measure(value, match.index + match[0].length, format.body);
  if (length < format.minLength) return false;
  const token = value.slice(match.index, match.index + length);
  return !PLACEHOLDER.test(token) && distinctCount(token) >= MIN_DISTINCT + 4;
}

const PLACEHOLDER_USERS = new Set([
  "user",
  "username",
  "usr",
  "login",
  "name",
  "me",
  "foo",
  "admin",
  "root",
  "postgres",
  "db",
  "dbuser",
]);
const PLACEHOLDER_PASSWORDS = new Set([
  "password",
  "pass",
  "passwd",
  "pwd",
  "pw",
  "secret",
  "bar",
  "x",
  "xxx",
  "token",
]);
const EXAMPLE_HOSTS =
  /(?:^|\.)(?:example\.(?:com|org|net)|host|hostname|domain\.com|yourdomain\.com|server)(?::\d{1,5})?$/u;
const STOP = new Set(["/", "?", "#", " ", "\n", "\t", "\r", '"', "'", "`"]);

export interface UrlCredentials {
  user: string;
  password: string;
  host: string;
}

/**
 * The `user:password@host` part of every URL in `value` whose password is written out, skipping
 * templated ones (`<password>`, `${PASSWORD}`, `{pass}`, `%s`, `***`) and documentation examples
 * (`user:password@host`). Parsed by hand (`indexOf("://")` and a forward scan), not by a regular
 * expression, so it is linear on any input.
 */
export function getUrlCredentials(value: string): UrlCredentials | undefined {
  let from = 0;
  for (let index = value.indexOf("://", from); index >= 0; index = value.indexOf("://", from)) {
    from = index + 3;
    let end = from;
    while (end < value.length && !STOP.has(value[end] ?? "")) end++;
    const authority = value.slice(from, end);
    const at = authority.lastIndexOf("@");
    if (at <= 0) continue;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(":");
    if (colon < 0) continue;
    const user = userinfo.slice(0, colon);
    const password = userinfo.slice(colon + 1);
    const host = authority.slice(at + 1);
    if (password === "" || host === "") continue;
    if (/^[<{$%[*:]|^x+$|^\.{3}$|^your/iu.test(password)) continue;
    if ((user === "" || PLACEHOLDER_USERS.has(user.toLowerCase())) && PLACEHOLDER_PASSWORDS.has(password.toLowerCase()))
      continue;
    if (EXAMPLE_HOSTS.test(host)) continue;
    return { user, password, host };
  }
  return undefined;
}

/**
 * What kind of credential `value` looks like from its format alone — "a GitHub token", "a PEM private
 * key", "a connection string with a password" — or `undefined`. Dummy values (`xxxx`, `EXAMPLE`,
 * `your_key_here`, too few distinct characters) are not credentials.
 */
export function getCredentialKind(value: string): string | undefined {
  if (value.length < 8) return undefined;
  // One scan for every format's fixed prefix before the fourteen patterns: almost no string has one.
  if (ANY_PREFIX.test(value)) {
    for (const format of FORMATS) {
      if (matchFormat(value, format)) return format.label;
    }
  }
  // Only a literal that is the URL: an error message that shows an example URL is documentation.
  if (value.includes("://") && !/\s/u.test(value.trim()) && getUrlCredentials(value)) return "a URL with a password";
  return undefined;
}
