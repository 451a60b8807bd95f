import type { InputShape } from "../utils/trace-request-input.js";

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

function leaf(builder: Builder, shape: InputShape): string {
  const { library, local: l, stringly } = builder;
  const type = shape.types.size === 1 ? [...shape.types][0] : undefined;
  switch (type) {
    case "string":
      return `${l}.string()`;
    case "number":
      if (!stringly) return `${l}.number()`;
      return library === "zod" ? `${l}.coerce.number()` : `${l}.pipe(${l}.string(), ${l}.transform(Number))`;
    case "boolean":
      return stringly ? `${l}.unknown()` : `${l}.boolean()`;
    case "array": {
      const element = shape.element ?? (stringly ? "string" : undefined);
      const item = element === undefined ? `${l}.unknown()` : leaf(builder, { types: new Set([element]), fields: new Map(), optional: false });
      return `${l}.array(${item})`;
    }
    default:
      return `${l}.unknown()`;
  }
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
 * `const CreateUserBody = z.object({ email: z.string(), age: z.number() })`: a field's type when its
 * use shows it (string methods / string comparison, arithmetic, array methods, nested reads), the
 * library's `unknown` otherwise. One line when it fits, else one field per line. No terminator.
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
