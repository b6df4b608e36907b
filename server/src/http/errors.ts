import { ERROR_STATUS, isErrorCode, type ErrorBody, type ErrorCode } from '@opsboard/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Refusal, Result } from './result.js';
import { SchemaValidationError } from './validation.js';

export function errorBody(code: ErrorCode | string, message: string, details?: Record<string, unknown>): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/**
 * For Fastify's `frameworkErrors`: URLs the router cannot decode (FST_ERR_BAD_URL) or whose
 * parameters pass maxParamLength (FST_ERR_MAX_PARAM_LENGTH) get the one error shape like everything else.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  errorHandler(error, request, reply);
}

/** Sends a service result: the value with the success status, or the refusal in the one error shape. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200): FastifyReply {
  return result.ok ? reply.code(status).send(result.value) : sendRefusal(reply, result.refusal);
}

export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  return reply.code(ERROR_STATUS[refusal.code]).send(errorBody(refusal.code, refusal.message, refusal.details));
}

/** A body the JSON parser refused; carries our error code. */
export class BodyError extends Error {
  constructor(
    readonly errorCode: 'invalid_json' | 'validation_failed',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '55P03', // lock_not_available (lock_timeout)
  '57014', // query_canceled (statement_timeout)
]);
const UNAVAILABLE_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /pglite is closed/i, /connection.*(ended|closed)/i, /Client has encountered a connection error/i];

/** True when an error (or its cause chain) says the database is down or overloaded rather than the code being wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
  }
  return false;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_BAD_URL: 'validation_failed',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_ASYNC_CONSTRAINT: 'validation_failed',
};

/** Messages that do not echo the request back (a bad URL can be 10,000 characters long). */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is larger than the limit',
  FST_ERR_BAD_URL: 'The URL path is not valid: it has a malformed percent-encoding.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the URL path is longer than any id (over 200 characters).',
};

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof SchemaValidationError) {
    return reply.code(400).send(errorBody('validation_failed', error.message, { field: error.field, in: error.part }));
  }
  if (error instanceof BodyError) {
    const details = error.field ? { field: error.field, in: 'body' } : undefined;
    return reply.code(400).send(errorBody(error.errorCode, error.message, details));
  }
  const fastifyCode = 'code' in error && typeof error.code === 'string' ? FASTIFY_CODES[error.code] : undefined;
  if (fastifyCode) {
    const message = ('code' in error && typeof error.code === 'string' && FASTIFY_MESSAGES[error.code]) || error.message;
    const details = fastifyCode === 'validation_failed' && 'code' in error && error.code === 'FST_ERR_BAD_URL' ? { in: 'path' } : undefined;
    return reply.code(ERROR_STATUS[fastifyCode]).send(errorBody(fastifyCode, message, details));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply.code(503).header('retry-after', '2').send(errorBody('unavailable', 'The database is not reachable right now; try again shortly.'));
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = 'code' in error && typeof error.code === 'string' && isErrorCode(error.code) ? error.code : codeForStatus(status);
    return reply.code(status).send(errorBody(code, error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  // 5xx bodies never carry internals.
  return reply.code(500).send(errorBody('internal', 'Something went wrong on our side; it has been logged.'));
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 408:
      return 'request_timeout';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return 'validation_failed';
  }
}
