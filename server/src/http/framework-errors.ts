/**
 * Requests Node's HTTP parser cannot read (bad request lines, header names,
 * methods or chunks, headers over 16 KiB, a request that never finishes) are
 * refused before Fastify sees them; Node would answer in its own shape. They
 * get the one error shape like every other refusal.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '@opsboard/shared';
import { errorBody } from './errors.js';

/** A parse failure from Node's HTTP server (`clientError`): the code says which. */
interface ConnectionError extends Error {
  code?: string;
}

function parserRefusal(err: ConnectionError): { status: number; code: ErrorCode; message: string } {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request_timeout', message: 'The request took too long to arrive.' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'headers_too_large', message: 'The request line and headers are larger than the server accepts (16 KiB).' };
    default:
      return { status: 400, code: 'malformed_request', message: 'The request is not valid HTTP/1.1.' };
  }
}

/**
 * For Fastify's `clientErrorHandler`: no request object exists yet, so the
 * answer is written to the socket by hand, and the connection closed.
 */
export function clientErrorHandler(err: ConnectionError, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = parserRefusal(err);
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
