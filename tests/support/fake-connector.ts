import { createServer, type Server } from 'node:http';
import { cardOfActivity } from '../../dev/flow/cards';
import { type Card, type Running, startBot } from './bot-client';

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** The adaptive card the bot sent in a call to the connector (a proactive message). */
export function cardSent(call: Pick<ConnectorCall, 'body'> | undefined): Card {
  return cardOfActivity(call?.body) as Card;
}

/**
 * A fake Bot Connector and two bot instances on one storage, as App Service runs when scaled out; started before the
 * file's tests and stopped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function scaledOut(now: () => Date): { bot: Running; second: Running; connector: Awaited<ReturnType<typeof startFakeConnector>> } {
  const stack = {} as { bot: Running; second: Running; connector: Awaited<ReturnType<typeof startFakeConnector>> };
  beforeAll(async () => {
    stack.connector = await startFakeConnector();
    stack.bot = await startBot({ now });
    stack.second = await startBot({ now, container: stack.bot.container });
  });
  afterAll(async () => {
    await Promise.all([stack.bot?.stop(), stack.second?.stop()]);
    await stack.connector?.stop();
  });
  return stack;
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
