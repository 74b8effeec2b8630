import { createServer, type Server } from 'node:http';

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** A stand-in Bot Connector on loopback: records what the bot sends or updates proactively. */
export async function startFakeConnector(
  answers: (call: ConnectorCall) => unknown = () => undefined,
): Promise<{ url: string; calls: ConnectorCall[]; stop(): Promise<void> }> {
  const calls: ConnectorCall[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        body = {};
      }
      const call = { method: req.method ?? '', path: req.url ?? '', body };
      calls.push(call);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answers(call) ?? { id: `act-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
