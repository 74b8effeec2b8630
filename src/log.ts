import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Only ids and codes go in (case id, activity id, verb, outcome);
 * never names, text, URLs or anything a manager typed.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'opbakning' },
      redact: { paths: ['req.headers.authorization', 'authorization', 'text', 'value', 'from.name'], remove: true },
    },
    destination,
  );
}

/** What may be logged about an error: its class and code, not its message (which can quote data). */
export function errorSummary(e: unknown): { name: string; code?: string } {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { name: e.name, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: typeof e };
}
