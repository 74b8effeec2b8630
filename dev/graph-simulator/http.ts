/** The response shapes and error envelope shared by the HTTP server, the routes and $batch. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Thrown by handlers; becomes Graph's `{ error: { code, message } }` envelope. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>): GraphResponse {
  return { status, headers, body: { error: { code, message } } };
}

export function fromError(e: unknown): GraphResponse {
  if (e instanceof GraphError) return errorResponse(e.status, e.code, e.message);
  return errorResponse(500, 'generalException', `simulator bug: ${(e as Error)?.message ?? String(e)}`);
}

export const notFound = (what: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new GraphError(413, 'RequestEntityTooLarge', 'The request body is larger than the simulator accepts (1 MB).');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

export function send(res: ServerResponse, response: GraphResponse): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...response.headers };
  // writeHead and end stay separate calls: restify, loaded in the same test process, patches
  // ServerResponse.prototype.writeHead with a version that returns nothing.
  if (response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const isText = typeof response.body === 'string';
  const payload = isText ? (response.body as string) : JSON.stringify(response.body);
  headers['Content-Type'] ??= isText ? 'text/plain; charset=utf-8' : 'application/json; odata.metadata=minimal; charset=utf-8';
  res.writeHead(response.status, headers);
  res.end(payload);
}
