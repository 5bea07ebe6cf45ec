import pino from 'pino';

/**
 * The server's logger. drizzle reports a failed query as "Failed query: <sql>\nparams: <values>",
 * with the values again as a `params` field: those are customer data (e-mail addresses, message
 * bodies) and never reach a log. The log keeps the SQL and the database's own error (its code too).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, serializers: { err: errorWithoutQueryValues } }, destination);
}

export function errorWithoutQueryValues(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error.message.startsWith('Failed query:') && 'params' in error) {
    const query = error.message.slice('Failed query: '.length).split('\nparams:')[0];
    const cause = error.cause instanceof Error ? pino.stdSerializers.err(error.cause) : undefined;
    return { type: error.name, message: 'database query failed', query, ...(cause ? { cause } : {}), stack: framesOf(error.stack) };
  }
  return pino.stdSerializers.err(error);
}

/** A stack's frames without its first lines, which repeat the message (and with it the values). */
function framesOf(stack: string | undefined): string | undefined {
  return stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
}
