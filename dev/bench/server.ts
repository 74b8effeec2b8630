/**
 * One server under test, in its own process so the load generator does not share its CPU time:
 *   node dist/dev/bench/server.js blob     the real bot (createApp) on Azurite (STORAGE_CONNECTION_STRING, BENCH_CONTAINER)
 *   node dist/dev/bench/server.js memory   the real bot with in-memory storage (overrides.store)
 *   node dist/dev/bench/server.js echo     a bare botbuilder bot (CloudAdapter + restify) answering every card action with a static card
 * It listens on 127.0.0.1 (PORT, default a free port), sends { type: 'ready', port } over IPC, answers
 * { type: 'memory', gc } with process.memoryUsage() (and again after a forced GC), and exits on { type: 'stop' }, SIGTERM, SIGINT or when its parent goes away.
 */
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';
import { createApp } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { MemoryJsonStore } from '../../src/storage/memory-json-store';

type Mode = 'blob' | 'memory' | 'echo';

const CARD = 'application/vnd.microsoft.card.adaptive';
const STATIC_CARD = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Echo', wrap: true }],
  actions: [{ type: 'Action.Execute', title: 'Again', verb: 'echo.again', data: {} }],
};

/** The baseline: what botbuilder + restify cost with no work behind them. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return { status: 200, body: { statusCode: 200, type: CARD, value: STATIC_CARD } };
  }
}

async function startEcho(port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
    }),
  );
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  // The same body parser settings as src/http/server.ts, so the baseline does the same HTTP work.
  server.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function startBot(mode: 'blob' | 'memory', port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const env = process.env;
  const config = loadConfig({ ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const store =
    mode === 'memory'
      ? new MemoryJsonStore()
      : 'connectionString' in config.storage
        ? BlobJsonStore.fromConnectionString(config.storage.connectionString, env.BENCH_CONTAINER || 'opbakning')
        : undefined;
  // With STORAGE_ACCOUNT_URL the composition root builds the store and its token credential, as in production.
  const app = createApp(config, createLogger('silent'), store ? { store } : {});
  const address = await app.listen();
  return { port: address.port, close: () => app.close() };
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode;
  if (!['blob', 'memory', 'echo'].includes(mode)) throw new Error('usage: server.js blob|memory|echo');
  if (!process.send) throw new Error('server.js is started by dev/bench/main.ts with an IPC channel');
  const port = Number(process.env.PORT ?? 0);
  const running = mode === 'echo' ? await startEcho(port) : await startBot(mode, port);
  const stop = () => {
    void running.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.on('message', (m: { type?: string; gc?: boolean }) => {
    if (m?.type === 'memory') {
      const before = process.memoryUsage();
      const gc = m.gc ? (globalThis as { gc?: () => void }).gc : undefined;
      gc?.();
      process.send?.({ type: 'memory', before, afterGc: gc ? process.memoryUsage() : undefined });
    } else if (m?.type === 'stop') stop();
  });
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.send({ type: 'ready', port: running.port });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench server: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
