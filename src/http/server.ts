import restify from 'restify';

/** What the HTTP server needs from the bot: process one request on /api/messages. */
export interface MessageHandler {
  process(req: restify.Request, res: restify.Response): Promise<void>;
}

/**
 * What botbuilder writes is passed through, except a 5xx: CloudAdapter answers any failure before the bot runs
 * (e.g. signing keys it cannot fetch) with 500 and the error's own message. Teams gets 503 and no details.
 */
function guarded(res: restify.Response) {
  let status = 200;
  let body: unknown;
  const wrapper = {
    status(code: number) {
      status = code;
      return wrapper;
    },
    header(name: string, value: unknown) {
      res.header(name, value);
      return wrapper;
    },
    send(value: unknown) {
      body = value;
      return wrapper;
    },
    end() {
      if (status >= 500) res.send(503, { error: 'unavailable' });
      else if (body === undefined) res.send(status);
      else res.send(status, body);
      return wrapper;
    },
  };
  return wrapper;
}

/** restify with two routes: the Bot Framework endpoint and a health check for App Service. */
export function createServer(handler: MessageHandler, onError: (e: unknown) => void): restify.Server {
  const server = restify.createServer({ name: 'opbakning', handleUncaughtExceptions: false });
  // Bot Framework activities are small; a bigger body is refused before any parsing.
  server.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    try {
      await handler.process(req, guarded(res) as unknown as restify.Response);
    } catch (e) {
      // botbuilder answers bad tokens with 401 itself; what reaches here is mostly an outage on the way in,
      // such as the Bot Framework's signing keys being unreachable. Teams retries a 503; no details leave.
      onError(e);
      if (!res.headersSent) res.send(503, { error: 'unavailable' });
    }
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}
