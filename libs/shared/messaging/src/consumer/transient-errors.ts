import { PermanentEventError } from './permanent-event-error';

/**
 * Thrown by a handler when the failure is worth waiting out however long it takes (a dependency is
 * away, a concurrent writer got there first): the consumer retries without limit and never dead-letters it.
 */
export class TransientEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientEventError';
  }
}

// PostgreSQL SQLSTATEs that say "try again": serialization failure, deadlock, lock not available,
// statement timeout / cancel, too many connections, admin shutdown, cannot connect now; class 08 is connection errors.
const PG_TRANSIENT = new Set(['40001', '40P01', '55P03', '57014', '53300', '53400', '57P01', '57P02', '57P03', '58000', '58030']);
const NODE_TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
const TRANSIENT_MESSAGE =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|connection is closed|stream isn't writeable|the database system is (starting up|shutting down|in recovery mode)|terminating connection|client has encountered a connection error|max retries per request|command timed out|socket hang up|read ECONNRESET|connect ECONNREFUSED|Connection ended unexpectedly|Cannot use a pool after calling end/i;

/**
 * Whether an error is an infrastructure failure (PostgreSQL, Redis or Kafka unreachable, timeouts,
 * serialization failures, deadlocks) rather than something about the event. Transient failures are
 * retried without limit, because dead-lettering them turns an outage into lost work.
 */
export function isTransientError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  if (err instanceof PermanentEventError) return false;
  if (err instanceof TransientEventError) return true;
  const e = err as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; retriable?: unknown; errno?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (PG_TRANSIENT.has(code) || /^08/.test(code) || NODE_TRANSIENT.has(code))) return true;
  const name = typeof e.name === 'string' ? e.name : '';
  // Kafka errors inside a handler come from the broker being away (the dead-letter producer, a send).
  if (name.startsWith('KafkaJS')) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && TRANSIENT_MESSAGE.test(e.message)) return true;
  return isTransientError(e.driverError, depth + 1) || isTransientError(e.cause, depth + 1);
}
