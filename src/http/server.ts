import restify from 'restify';

/** What the HTTP server needs from the bot: process one request on /api/messages. */
export interface MessageHandler {
  process(req: restify.Request, res: restify.Response): Promise<void>;
}

/**
 * What botbuilder writes is passed through, except its 500: CloudAdapter answers any failure before the bot runs
 * (e.g. signing keys it cannot fetch) with 500 and the error's own message. Teams gets 503 and no details, and the
 * outage is reported. Other statuses (the bot's own 501 for an invoke it does not implement, 503 for storage
 * down) are the bot's answers and pass unchanged.
 */
function guarded(res: restify.Response, onOutage: () => void) {
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
      // CloudAdapter's own 500 carries the error's message as text; the bot's answers are objects.
      if (status === 500 && (body === undefined || typeof body === 'string')) {
        onOutage();
        res.send(503, { error: 'unavailable' });
      } else if (body === undefined) res.send(status);
      else res.send(status, body);
      return wrapper;
    },
  };
  return wrapper;
}

/** Where a request failed for a reason outside the bot: logged by the caller with the error's code only. */
export type Outage = 'bot-framework-auth' | 'request-handling';

/** restify with two routes: the Bot Framework endpoint and a health check for App Service. */
export function createServer(handler: MessageHandler, onError: (outage: Outage, e?: unknown) => void): restify.Server {
  const server = restify.createServer({ name: 'opbakning', handleUncaughtExceptions: false });
  // Bot Framework activities are small; a bigger body is refused before any parsing.
  server.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    try {
      // CloudAdapter's 500 means authenticating the request failed for a reason other than a bad token (that is
      // 401): in practice the Bot Framework's signing keys or OpenID metadata could not be fetched.
      await handler.process(req, guarded(res, () => onError('bot-framework-auth')) as unknown as restify.Response);
    } catch (e) {
      // Teams retries a 503; no details leave.
      onError('request-handling', e);
      if (!res.headersSent) res.send(503, { error: 'unavailable' });
    }
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}
