import restify from 'restify';

/** What the HTTP server needs from the bot: process one request on /api/messages. */
export interface MessageHandler {
  process(req: restify.Request, res: restify.Response): Promise<void>;
}

/** restify with two routes: the Bot Framework endpoint and a health check for App Service. */
export function createServer(handler: MessageHandler, onError: (e: unknown) => void): restify.Server {
  const server = restify.createServer({ name: 'opbakning', handleUncaughtExceptions: false });
  // Bot Framework activities are small; a bigger body is refused before any parsing.
  server.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    try {
      await handler.process(req, res);
    } catch (e) {
      onError(e);
      if (!res.headersSent) res.send(500, { error: 'internal' });
    }
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}
