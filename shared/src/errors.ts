import Type from 'typebox';

/**
 * Every refusal the API or the websocket can give, with its HTTP status.
 * One table: routes, the websocket and the client all read it.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  /** Not readable as HTTP at all (the parser refused it before any route saw it). */
  malformed_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  origin_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  already_exists: 409,
  version_conflict: 409,
  wip_limit_exceeded: 409,
  wip_override_required: 409,
  person_wip_limit_exceeded: 409,
  /** Entering a done column with Definition of Done criteria unticked or checklist items open, without a reason. */
  dod_unmet: 409,
  iteration_state: 409,
  /** Starting an iteration planned over capacity, without confirming the figures. */
  over_capacity: 409,
  /** Starting an iteration before its start date or after its end date, without confirming the dates. */
  outside_dates: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  /** The Idempotency-Key came with another request before (method, route, params or body differ). */
  idempotency_key_reused: 422,
  upgrade_required: 426,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, $id: 'ErrorBody' },
);
export type ErrorBody = Type.Static<typeof ErrorBody>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
