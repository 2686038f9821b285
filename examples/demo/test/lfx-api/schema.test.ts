import { describe, expect, it } from 'vitest';

import { validateSchema, type Schema } from '../../src/lfx-api/schema.js';

const schemas: Record<string, Schema> = {
  Person: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', pattern: '^[^@]+@[^@]+$' } },
  },
};

describe('validateSchema', () => {
  const cases: { name: string; schema: Schema; value: unknown; want: string[] }[] = [
    { name: 'accepts a conforming object', schema: { $ref: '#/components/schemas/Person' }, value: { name: 'Ada' }, want: [] },
    {
      name: 'reports a missing required property',
      schema: { $ref: '#/components/schemas/Person' },
      value: {},
      want: ['$: is missing the required property "name"'],
    },
    { name: 'reports a wrong type', schema: { type: 'string' }, value: 3, want: ['$: expected string, got number'] },
    { name: 'tells an array from an object', schema: { type: 'object' }, value: [], want: ['$: expected object, got array'] },
    { name: 'rejects a fraction for an integer', schema: { type: 'integer' }, value: 1.5, want: ['$: expected integer, got number'] },
    { name: 'rejects null unless nullable', schema: { type: 'string' }, value: null, want: ['$: is null, which the schema does not allow'] },
    { name: 'accepts null when nullable', schema: { type: 'string', nullable: true }, value: null, want: [] },
    {
      name: 'reports a value outside the enum',
      schema: { type: 'string', enum: ['Active', 'Archived'] },
      value: 'Gone',
      want: ['$: "Gone" is not one of ["Active","Archived"]'],
    },
    { name: 'accepts a uuid', schema: { type: 'string', format: 'uuid' }, value: '5168c748-9e22-424b-900e-30b53c3227e5', want: [] },
    {
      name: 'rejects a malformed uuid',
      schema: { type: 'string', format: 'uuid' },
      value: '5168c748',
      want: ['$: "5168c748" is not a valid uuid'],
    },
    {
      name: 'rejects an impossible date',
      schema: { type: 'string', format: 'date' },
      value: '2024-02-30',
      want: ['$: "2024-02-30" is not a valid date'],
    },
    { name: 'accepts a leap day', schema: { type: 'string', format: 'date' }, value: '2024-02-29', want: [] },
    {
      name: 'rejects a date-time without a zone',
      schema: { type: 'string', format: 'date-time' },
      value: '2025-05-12T10:00:00',
      want: ['$: "2025-05-12T10:00:00" is not a valid date-time'],
    },
    { name: 'rejects a relative uri', schema: { type: 'string', format: 'uri' }, value: '/docs', want: ['$: "/docs" is not a valid uri'] },
    {
      name: 'reports a pattern mismatch with the path',
      schema: { $ref: '#/components/schemas/Person' },
      value: { name: 'Ada', email: 'ada' },
      want: ['$.email: "ada" does not match the pattern "^[^@]+@[^@]+$"'],
    },
    {
      name: 'reports every bad array item',
      schema: { type: 'array', items: { type: 'string', minLength: 2 } },
      value: ['ok', 'x', 'y'],
      want: ['$[1]: is shorter than 2 characters', '$[2]: is shorter than 2 characters'],
    },
    { name: 'accepts properties the schema does not list', schema: { $ref: '#/components/schemas/Person' }, value: { name: 'Ada', extra: 1 }, want: [] },
  ];

  it.each(cases)('$name', ({ schema, value, want }) => {
    expect(validateSchema(schemas, schema, value)).toEqual(want);
  });

  it('throws on a keyword it does not implement', () => {
    expect(() => validateSchema(schemas, { oneOf: [] } as Schema, 1)).toThrow(
      'the schema at $ uses the keyword "oneOf", which this validator does not implement',
    );
  });

  it('throws on a reference that does not resolve', () => {
    expect(() => validateSchema(schemas, { $ref: '#/components/schemas/Missing' }, {})).toThrow(
      'the schema reference "#/components/schemas/Missing" does not resolve to a component schema',
    );
  });
});
