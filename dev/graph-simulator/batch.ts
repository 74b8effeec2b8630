/**
 * POST /$batch. Inner requests run through the same handlers and faults as direct ones, because a real batch
 * can answer 200 with a throttled inner request that the Graph client's RetryHandler never retries.
 */
import type { Outcome } from './faults';
import { errorResponse, GraphError } from './http';
import type { GraphRequest } from './routes';
import type { SimUser } from './store';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const MAX_REQUESTS = 20;

/** `execute` runs one inner request (faults included) given its request and its full /v1.0 path. */
export async function runBatch(
  input: unknown,
  me: SimUser,
  execute: (req: GraphRequest, fullPath: string) => Promise<Outcome>,
): Promise<Outcome> {
  const items = checkBatch(input);
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const item of items) {
    const failed = (item.dependsOn ?? []).filter((id) => (statuses.get(id) ?? 0) >= 400);
    if (failed.length > 0) {
      const response = errorResponse(424, 'FailedDependency', `Request ${item.id} depends on failed request(s) ${failed.join(', ')}.`);
      statuses.set(item.id, 424);
      responses.push({ id: item.id, status: 424, headers: { 'Content-Type': 'application/json' }, body: response.body });
      continue;
    }
    const path = innerPath(item.url);
    const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const outcome = await execute({ method: item.method.toUpperCase(), path, headers, body: innerBody(item.body), me }, `/v1.0${path}`);
    // A connection lost mid-batch loses the whole batch's answer, though earlier inner requests took effect.
    if (outcome.kind === 'drop') return outcome;
    const { status, headers: responseHeaders, body } = outcome.response;
    statuses.set(item.id, status);
    responses.push({
      id: item.id,
      status,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...responseHeaders },
      body,
    });
  }
  return { kind: 'respond', response: { status: 200, body: { responses } } };
}

function checkBatch(input: unknown): BatchItem[] {
  const requests = (input as { requests?: unknown } | undefined)?.requests;
  const bad = (why: string): never => {
    throw new GraphError(400, 'BadRequest', `Invalid batch payload: ${why}`);
  };
  if (!Array.isArray(requests) || requests.length === 0) bad('expected { requests: [...] }');
  const items = requests as BatchItem[];
  if (items.length > MAX_REQUESTS) bad(`a batch holds at most ${MAX_REQUESTS} requests, got ${items.length}`);
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item?.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string')
      bad('every request needs id, method and url');
    if (seen.has(item.id)) bad(`duplicate id '${item.id}'`);
    // The simulator runs requests in array order, so a dependency must come first.
    for (const dep of item.dependsOn ?? []) if (!seen.has(dep)) bad(`'${item.id}' depends on '${dep}', which is not an earlier request`);
    seen.add(item.id);
  }
  return items;
}

function innerPath(url: string): string {
  if (/^[a-z]+:\/\//i.test(url)) throw new GraphError(400, 'BadRequest', `Invalid batch payload: url must be relative, got '${url}'`);
  const path = `/${url.replace(/^\/+/, '')}`.replace(/^\/v1\.0(?=\/)/, '').split('?')[0];
  if (path === '/$batch') throw new GraphError(400, 'BadRequest', 'Invalid batch payload: batches cannot be nested');
  return path;
}

function innerBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
