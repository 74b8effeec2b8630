/** Unexpected failures carry a code; they are handled in one place (the bot's turn error handler). */
export type ErrorCode = 'storage_unavailable' | 'statistics_conflict';

export class OpbakningError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OpbakningError';
  }
}

export function isCoded(e: unknown, code: ErrorCode): e is OpbakningError {
  return e instanceof OpbakningError && e.code === code;
}
