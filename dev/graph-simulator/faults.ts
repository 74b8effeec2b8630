/**
 * Injected failures. They model what makes Graph clients double-act: throttling, a 5xx that arrives after
 * Graph already created the event, and a connection that dies before or after Graph acted.
 */
import type { GraphResponse } from './http';
import { errorResponse } from './http';

export type FaultStatus = 429 | 500 | 503 | 504;

export interface Fault {
  /** Which requests it hits; path is a RegExp or a substring of the URL path (e.g. '/me/events'). Omitted: every Graph request. */
  match?: { method?: string; path?: RegExp | string };
  status?: FaultStatus;
  retryAfterSeconds?: number;
  /** Waits this long before acting (and before answering). */
  delayMs?: number;
  /** Destroys the socket without an answer, before or after the operation took effect. */
  drop?: 'before' | 'after';
  /** How many matching requests it hits; default 1. */
  times?: number;
  /** With status: perform the operation first, then answer the error anyway. */
  applyAfter?: boolean;
}

/** What a request ends in: an answer, or a connection torn down without one. */
export type Outcome = { kind: 'respond'; response: GraphResponse } | { kind: 'drop' };

const STATUSES: readonly number[] = [429, 500, 503, 504];
const CODES: Record<FaultStatus, string> = {
  429: 'TooManyRequests',
  500: 'generalException',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

/** Rejects faults that would silently do nothing, so a typo in a test fails loudly instead of passing. */
export function checkFault(input: unknown): Fault {
  const f = input as Fault;
  const fail = (why: string): never => {
    throw new Error(`invalid fault: ${why}`);
  };
  if (typeof f !== 'object' || f === null) fail('expected an object');
  if (f.status !== undefined && !STATUSES.includes(f.status)) fail(`status must be one of ${STATUSES.join(', ')}`);
  if (f.drop !== undefined && f.drop !== 'before' && f.drop !== 'after') fail("drop must be 'before' or 'after'");
  if (f.drop && f.status) fail('a fault either drops the connection or answers a status, not both');
  if (f.applyAfter && !f.status) fail('applyAfter needs a status');
  if (f.status === undefined && f.drop === undefined && !f.delayMs) fail('give at least one of status, drop, delayMs');
  for (const key of ['retryAfterSeconds', 'delayMs', 'times'] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v) || v < 0)) fail(`${key} must be a non-negative number`);
  }
  if (f.times !== undefined && f.times < 1) fail('times must be at least 1 (use Infinity for "until cleared")');
  const path = f.match?.path;
  if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) fail('match.path must be a string or RegExp');
  return { ...f, match: f.match && { ...f.match } };
}

export class FaultPlan {
  private faults: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    const checked = checkFault(fault);
    this.faults.push({ fault: checked, left: checked.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first armed fault matching the request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const entry = this.faults.find((e) => e.left > 0 && matches(e.fault, method, path));
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.fault;
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  const m = fault.match;
  if (m?.method && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m?.path instanceof RegExp) {
    m.path.lastIndex = 0; // a /g or /y pattern would otherwise match every other request
    return m.path.test(path);
  }
  if (typeof m?.path === 'string') return path.includes(m.path);
  return true;
}

function faultResponse(fault: Fault & { status: FaultStatus }): GraphResponse {
  const headers = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : undefined;
  return errorResponse(fault.status, CODES[fault.status], `Simulated ${fault.status} from the Graph simulator.`, headers);
}

/** Runs one request under a fault (or none). `perform` is where the operation takes effect. */
export async function applyFault(
  fault: Fault | undefined,
  perform: () => Promise<Outcome>,
  sleep: (ms: number) => Promise<void>,
): Promise<Outcome> {
  if (!fault) return perform();
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.drop === 'before') return { kind: 'drop' };
  if (fault.status && !fault.applyAfter) return { kind: 'respond', response: faultResponse({ ...fault, status: fault.status }) };
  const outcome = await perform();
  if (fault.drop === 'after') return { kind: 'drop' };
  if (fault.status) return { kind: 'respond', response: faultResponse({ ...fault, status: fault.status }) };
  return outcome;
}
