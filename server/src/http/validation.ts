import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { DATE_RULE, INSTANT_RULE, isAcceptableDate, isAcceptableInstant } from '@opsboard/shared';

/**
 * Bodies are validated strictly: no type coercion (12345 stays a number and
 * fails a string field), no silent removal of unknown fields. Query strings
 * and path params are text on the wire, so those may be coerced.
 */
function makeAjv(coerce: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce,
    removeAdditional: false,
    useDefaults: true,
    // All errors, so the most useful one can be named (a missing field before "too few fields").
    allErrors: true,
    strict: false,
  });
  addFormats.default(ajv, ['uuid', 'email', 'uri', 'time']);
  // One rule for every date and instant the API takes (shared/src/domain/dates.ts): a day that
  // exists, no leap second, a year from 1900 to 2999. Anything else is a 400 naming the field,
  // never a 500 from Date or PostgreSQL further down.
  ajv.addFormat('date', { type: 'string', validate: isAcceptableDate });
  ajv.addFormat('date-time', { type: 'string', validate: isAcceptableInstant });
  return ajv;
}

const strict = makeAjv(false);
// 'array' also turns a single ?status=x into ['x'].
const coercing = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  const validate: ValidateFunction = ajv.compile(schema as object);
  return (data: unknown) => (validate(data) ? { value: data } : { error: validationError(validate.errors ?? [], httpPart) });
};

export class SchemaValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly part: string,
  ) {
    super(message);
  }
}

/** `/links/0/cardId` → `links[0].cardId`. */
export function pointerToField(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/**
 * In a union of objects told apart by a literal (`kind: 'cover' | 'swap'`), the
 * branches whose literal does not match say nothing useful ("weekA is
 * required" for a cover): drop their errors, so the error named is the one in
 * the branch the caller meant.
 */
function withoutOtherBranches(errors: ErrorObject[]): ErrorObject[] {
  const ruledOut = errors
    .filter((e) => e.keyword === 'const')
    .map((e) => /^(.*\/anyOf\/\d+\/)/.exec(e.schemaPath)?.[1])
    .filter((prefix): prefix is string => prefix !== undefined);
  if (ruledOut.length === 0) return errors;
  const left = errors.filter((e) => e.keyword !== 'anyOf' && !ruledOut.some((prefix) => e.schemaPath.startsWith(prefix)));
  return left.length > 0 ? left : errors;
}

function validationError(errors: ErrorObject[], httpPart: string | undefined): SchemaValidationError {
  const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
  const rank = (k: string) => (k === 'required' ? 0 : k === 'additionalProperties' ? 1 : k === 'minProperties' || k === 'anyOf' ? 3 : 2);
  const e = withoutOtherBranches(errors).sort((x, y) => rank(x.keyword) - rank(y.keyword))[0];
  if (!e) return new SchemaValidationError(part, `${part} is invalid`, part);
  const at = pointerToField(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const field = join(at, String(params.missingProperty));
      return new SchemaValidationError(field, `${field} is required`, part);
    }
    case 'additionalProperties': {
      const field = join(at, String(params.additionalProperty));
      return new SchemaValidationError(field, `${field} is not a known field`, part);
    }
    case 'enum': {
      const field = at || part;
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return new SchemaValidationError(field, `${field} must be one of ${allowed}`, part);
    }
    case 'format':
      if (params.format === 'date' || params.format === 'date-time') {
        const field = at || part;
        return new SchemaValidationError(field, `${field} must be ${params.format === 'date' ? DATE_RULE : INSTANT_RULE}`, part);
      }
      return defaultError(e, at || part, part);
    case 'minProperties':
      return new SchemaValidationError(at || part, `${at || part} must change at least one field`, part);
    default:
      return defaultError(e, at || part, part);
  }
}

function defaultError(e: ErrorObject, field: string, part: string): SchemaValidationError {
  return new SchemaValidationError(field, `${field} ${e.message ?? 'is invalid'}`, part);
}

/** A strict body check for a schema chosen at run time (after authentication, say); errors name the field like route validation does. */
export function bodyChecker<S extends TSchema>(schema: S): (data: unknown) => { ok: true; value: Static<S> } | { ok: false; error: SchemaValidationError } {
  const validate = strict.compile<Static<S>>(schema as object);
  return (data) => (validate(data) ? { ok: true, value: data } : { ok: false, error: validationError(validate.errors ?? [], 'body') });
}
