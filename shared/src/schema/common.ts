import Type, { type Static, type TSchema, type TUnsafe } from 'typebox';

/** A string enum as JSON Schema `enum`, so validation errors list the allowed values. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * `T | null`. Primitive types get a `type` array (`["string", "null"]`)
 * rather than `anyOf`: validation errors stay readable and serializers need
 * not try each branch per value (which made board snapshots 5x slower).
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const type: unknown = (schema as { type?: unknown }).type;
  if (typeof type === 'string' && PRIMITIVES.has(type) && !('enum' in schema)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
  }
  return Type.Unsafe<Static<T> | null>({ anyOf: [schema, { type: 'null' }] });
}

export const Id = Type.String({ format: 'uuid', description: 'UUID' });
export const IsoDateTime = Type.String({ format: 'date-time', description: 'ISO 8601 instant, UTC' });
export const IsoDate = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });

/** Single-line text: trimmed length checks happen in services, the schema caps size. */
export const Name = (max = 120) => Type.String({ minLength: 1, maxLength: max });
export const Title = Type.String({ minLength: 1, maxLength: 300 });
export const Markdown = Type.String({ maxLength: 20_000 });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Rank = Type.String({ minLength: 1, maxLength: 200, description: 'Fractional index key, compared byte-wise' });

export const Ok = Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const TeamParams = Type.Object({ teamId: Id }, { additionalProperties: false });
