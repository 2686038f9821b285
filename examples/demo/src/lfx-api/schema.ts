/**
 * A validator for the subset of OpenAPI 3.0 Schema Objects that the LFX service specs use.
 *
 * It implements the keywords listed in {@link KNOWN_KEYWORDS} and throws on any other, so a spec that
 * starts using a new keyword fails loudly here instead of passing unchecked. Objects accept
 * properties that the schema does not list, as OpenAPI does without `additionalProperties`.
 */

export interface Schema {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
}

/** Keywords that change validation, plus annotations that do not. */
const KNOWN_KEYWORDS = new Set([
  '$ref',
  'type',
  'format',
  'enum',
  'properties',
  'required',
  'items',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'nullable',
  'description',
  'example',
  'title',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks of string formats, by format name. Formats without an entry here (`binary`, `int64`) pass. */
const FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  uuid: (value) => UUID.test(value),
  uri: (value) => URL.canParse(value),
  date: (value) => {
    const match = DATE.exec(value);
    if (match === null) {
      return false;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  },
  'date-time': (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  regexp: (value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  },
};

/** Schemas by name, as in a document's `components.schemas`. */
export type SchemaRegistry = Readonly<Record<string, Schema>>;

/**
 * Validates `value` against `schema` and returns one line per violation, each starting with the
 * JSON path of the offending value (`$` is the root). An empty list means the value conforms.
 *
 * Throws an Error for a schema that uses an unknown keyword or a `$ref` that does not resolve.
 */
export function validateSchema(schemas: SchemaRegistry, schema: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(keyword)) {
      throw new Error(`the schema at ${path} uses the keyword ${JSON.stringify(keyword)}, which this validator does not implement`);
    }
  }

  if (schema.$ref !== undefined) {
    return validateSchema(schemas, resolveRef(schemas, schema.$ref), value, path);
  }

  if (value === null) {
    return schema.nullable === true ? [] : [`${path}: is null, which the schema does not allow`];
  }

  const typeProblem = checkType(schema, value, path);
  if (typeProblem !== undefined) {
    return [typeProblem];
  }

  const problems: string[] = [];
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'string') {
    problems.push(...checkString(schema, value, path));
  }
  if (typeof value === 'number') {
    problems.push(...checkNumber(schema, value, path));
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, index) => problems.push(...validateSchema(schemas, items, item, `${path}[${index}]`)));
  }
  if (isPlainObject(value)) {
    problems.push(...checkObject(schemas, schema, value, path));
  }
  return problems;
}

/** Returns the schema that a local `#/components/schemas/<name>` reference points to. */
export function resolveRef(schemas: SchemaRegistry, ref: string): Schema {
  const prefix = '#/components/schemas/';
  const target = ref.startsWith(prefix) ? schemas[ref.slice(prefix.length)] : undefined;
  if (target === undefined) {
    throw new Error(`the schema reference ${JSON.stringify(ref)} does not resolve to a component schema`);
  }
  return target;
}

function checkType(schema: Schema, value: unknown, path: string): string | undefined {
  if (schema.type === undefined) {
    return undefined;
  }

  const actual = Array.isArray(value) ? 'array' : typeof value;
  const matches =
    schema.type === 'integer'
      ? typeof value === 'number' && Number.isInteger(value)
      : schema.type === 'object'
        ? isPlainObject(value)
        : actual === schema.type;
  return matches ? undefined : `${path}: expected ${schema.type}, got ${actual}`;
}

function checkString(schema: Schema, value: string, path: string): string[] {
  const problems: string[] = [];
  if (schema.minLength !== undefined && [...value].length < schema.minLength) {
    problems.push(`${path}: is shorter than ${schema.minLength} characters`);
  }
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
    problems.push(`${path}: is longer than ${schema.maxLength} characters`);
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} does not match the pattern ${JSON.stringify(schema.pattern)}`);
  }
  const check = schema.format === undefined ? undefined : FORMAT_CHECKS[schema.format];
  if (check !== undefined && !check(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not a valid ${schema.format}`);
  }
  return problems;
}

function checkNumber(schema: Schema, value: number, path: string): string[] {
  const problems: string[] = [];
  if (schema.minimum !== undefined && value < schema.minimum) {
    problems.push(`${path}: ${value} is less than the minimum ${schema.minimum}`);
  }
  if (schema.maximum !== undefined && value > schema.maximum) {
    problems.push(`${path}: ${value} is greater than the maximum ${schema.maximum}`);
  }
  return problems;
}

function checkObject(schemas: SchemaRegistry, schema: Schema, value: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in value)) {
      problems.push(`${path}: is missing the required property ${JSON.stringify(name)}`);
    }
  }
  for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
    if (name in value) {
      problems.push(...validateSchema(schemas, propertySchema, value[name], `${path}.${name}`));
    }
  }
  return problems;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
