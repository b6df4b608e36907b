import Type, { type Static, type TSchema, type TUnsafe } from 'typebox';
import { EARLIEST_DATE, LATEST_DATE } from '../domain/dates.js';

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
/**
 * Dates and instants. The server checks the `date` and `date-time` formats with
 * `isAcceptableDate` / `isAcceptableInstant` (shared/src/domain/dates.ts), so
 * every schema using these formats refuses days that do not exist, leap
 * seconds and years outside the range with a 400 naming the field.
 */
export const IsoDateTime = Type.String({ format: 'date-time', description: `ISO 8601 instant (UTC in answers), from ${EARLIEST_DATE} to ${LATEST_DATE}, no leap seconds` });
export const IsoDate = Type.String({ format: 'date', description: `Calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}` });

/** The largest value of a PostgreSQL integer column (versions): larger input is refused, not sent to the database. */
export const INT4_MAX = 2_147_483_647;
/** A version a change is based on. */
export const Version = (description?: string) => Type.Integer({ minimum: 1, maximum: INT4_MAX, ...(description !== undefined && { description }) });
/** A stream sequence number as a client names it (0 = none yet); stored as bigint, exact in JavaScript up to 2^53 - 1. */
export const SeqInput = (description: string) => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });

/** Single-line text: trimmed length checks happen in services, the schema caps size. */
export const Name = (max = 120) => Type.String({ minLength: 1, maxLength: max });
export const Title = Type.String({ minLength: 1, maxLength: 300 });
export const Markdown = Type.String({ maxLength: 20_000 });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Rank = Type.String({ minLength: 1, maxLength: 200, description: 'Fractional index key, compared byte-wise' });

export const Ok = Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const TeamParams = Type.Object({ teamId: Id }, { additionalProperties: false });
