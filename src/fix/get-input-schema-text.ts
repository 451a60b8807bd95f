import type { InputShape, InputValueType } from "../utils/trace-request-input.js";

export type ValidationLibrary = "zod" | "valibot";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
const MAX_LINE = 100;

interface Builder {
  library: ValidationLibrary;
  /** The library's local name: `z`, `v`. */
  local: string;
  /** Query strings, path params, headers and form fields arrive as strings: numbers are coerced. */
  stringly: boolean;
}

function renderType(builder: Builder, type: InputValueType, element: InputValueType | undefined): string {
  const { library, local: l, stringly } = builder;
  switch (type) {
    case "string":
      return `${l}.string()`;
    case "number":
      if (!stringly) return `${l}.number()`;
      // The last step rejects what `Number` turns into NaN.
      return library === "zod"
        ? `${l}.coerce.number()`
        : `${l}.pipe(${l}.string(), ${l}.transform(Number), ${l}.number())`;
    case "boolean":
      if (!stringly) return `${l}.boolean()`;
      // Coercing would make "false" true: only the two words are booleans.
      return library === "zod"
        ? `${l}.enum(["true", "false"]).transform((value) => value === "true")`
        : `${l}.pipe(${l}.picklist(["true", "false"]), ${l}.transform((value) => value === "true"))`;
    case "array": {
      const item = element ?? (stringly ? "string" : undefined);
      return `${l}.array(${item === undefined || item === "array" ? `${l}.unknown()` : renderType(builder, item, undefined)})`;
    }
  }
}

/**
 * A value's schema from the types its use shows. A field whose use shows none is a string: what query
 * strings, params and form fields are, what most JSON fields are, and — unlike `unknown` — a type that
 * shuts out operator objects such as `{ "$gt": "" }` and type-checks where the code passes the field on.
 */
function leaf(builder: Builder, shape: InputShape): string {
  const types = [...shape.types];
  if (types.length === 0) return `${builder.local}.string()`;
  if (types.length === 1) return renderType(builder, types[0]!, shape.element);
  return `${builder.local}.union([${types.map((type) => renderType(builder, type, shape.element)).join(", ")}])`;
}

function optional(builder: Builder, text: string): string {
  return builder.library === "zod" ? `${text}.optional()` : `${builder.local}.optional(${text})`;
}

function render(builder: Builder, shape: InputShape, indent: string, multiline: boolean): string {
  let text: string;
  if (shape.fields.size > 0 && !shape.types.has("array")) {
    const entries = [...shape.fields].map(([key, field]) => {
      const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
      return `${name}: ${render(builder, field, `${indent}  `, multiline)}`;
    });
    text = multiline
      ? `${builder.local}.object({\n${entries.map((entry) => `${indent}  ${entry},\n`).join("")}${indent}})`
      : `${builder.local}.object({ ${entries.join(", ")} })`;
  } else {
    text = leaf(builder, shape);
  }
  return shape.optional ? optional(builder, text) : text;
}

function hasNestedObject(shape: InputShape): boolean {
  return [...shape.fields.values()].some((field) => field.fields.size > 0 && !field.types.has("array"));
}

/**
 * The declaration of a schema for what a handler reads from one input, e.g.
 * `const CreateUserBody = z.object({ email: z.string(), age: z.number().optional() })`: a field's type
 * when its use shows it (string methods / string comparison, arithmetic, array methods, nested reads),
 * a string otherwise; `optional` when the code is ready for it to be missing. One line when it fits,
 * else one field per line. No terminator.
 */
export function getInputSchemaDeclaration(
  name: string,
  shape: InputShape,
  library: ValidationLibrary,
  local: string,
  stringly: boolean,
): string {
  const builder: Builder = { library, local, stringly };
  const root: InputShape = { ...shape, optional: false, types: new Set() };
  const single = `const ${name} = ${render(builder, root, "", false)}`;
  if (single.length <= MAX_LINE && !hasNestedObject(root)) return single;
  return `const ${name} = ${render(builder, root, "", true)}`;
}

/** The call that parses `value` with the schema: `CreateUserBody.parse(x)` / `v.parse(CreateUserBody, x)`. */
export function getParseCallText(library: ValidationLibrary, local: string, schema: string, value: string): string {
  return library === "zod" ? `${schema}.parse(${value})` : `${local}.parse(${schema}, ${value})`;
}
