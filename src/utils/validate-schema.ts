/** The subset of JSON Schema the plugin's settings use. */
export interface JSONSchema {
  type?: "object" | "array" | "string" | "boolean" | "number" | "integer";
  properties?: Record<string, JSONSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JSONSchema;
  enum?: readonly unknown[];
  minLength?: number;
  minimum?: number;
  description?: string;
}

function describeExpected(schema: JSONSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.type === "object" && schema.properties) {
    return `an object with ${Object.keys(schema.properties).join(", ")}`;
  }
  if (schema.type === "array" && schema.items?.type) return `an array of ${schema.items.type}s`;
  if (schema.type === "string" && schema.minLength) return "a non-empty string";
  return `a ${schema.type ?? "value"}`;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/** Edit distance of two short strings (insertions, deletions, substitutions). */
function getEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known key a misspelt one most likely meant: same letters in another case, or at most two edits away. */
function getClosestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3));
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : getEditDistance(key, candidate);
    if (distance <= bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Returns `undefined` when `value` matches, otherwise one sentence naming the first bad key
 * (`settings.harden.logger.style must be one of "pino", "winston" (got "bunyan")`).
 */
export function validateAgainstSchema(value: unknown, schema: JSONSchema, path: string): string | undefined {
  if (schema.enum) {
    return schema.enum.includes(value)
      ? undefined
      : `${path} must be ${describeExpected(schema)} (got ${JSON.stringify(value)})`;
  }
  switch (schema.type) {
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return `${path} must be ${describeExpected(schema)} (got ${typeOf(value)})`;
      }
      const record = value as Record<string, unknown>;
      // Unknown keys first: a misspelt key (`libary`) is the cause of the required one that is missing.
      const known = Object.keys(schema.properties ?? {});
      if (schema.additionalProperties === false) {
        for (const key of Object.keys(record)) {
          if (known.includes(key)) continue;
          const meant = getClosestKey(key, known);
          return `${path}.${key} is not a known key${meant ? `; did you mean "${meant}"?` : ""} (expected one of: ${known.join(", ")})`;
        }
      }
      for (const key of schema.required ?? []) {
        if (record[key] === undefined) return `${path}.${key} is required`;
      }
      for (const [key, child] of Object.entries(record)) {
        const childSchema = schema.properties?.[key];
        if (!childSchema) continue;
        const error = validateAgainstSchema(child, childSchema, `${path}.${key}`);
        if (error) return error;
      }
      return undefined;
    }
    case "array": {
      if (!Array.isArray(value)) return `${path} must be ${describeExpected(schema)} (got ${typeOf(value)})`;
      for (const [index, item] of value.entries()) {
        const error = schema.items && validateAgainstSchema(item, schema.items, `${path}[${index}]`);
        if (error) return error;
      }
      return undefined;
    }
    case "string":
      if (typeof value !== "string" || value.length < (schema.minLength ?? 0)) {
        return `${path} must be ${describeExpected(schema)} (got ${JSON.stringify(value)})`;
      }
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : `${path} must be a boolean (got ${JSON.stringify(value)})`;
    case "number":
    case "integer":
      if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value))) {
        return `${path} must be ${describeExpected(schema)} (got ${JSON.stringify(value)})`;
      }
      if (schema.minimum !== undefined && value < schema.minimum) {
        return `${path} must be at least ${schema.minimum} (got ${value})`;
      }
      return undefined;
    default:
      return undefined;
  }
}
