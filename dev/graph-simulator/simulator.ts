/**
 * A small Microsoft Graph stand-in for the local stack and the tests: the handful of v1.0 endpoints the bot
 * calls, dev-token auth, injectable faults, and a record of every invite and post it received.
 * Loopback only: the control API and the HTML view have no auth.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readDevToken } from './auth';
import { runBatch } from './batch';
import demoSeed from './demo-seed.json';
import { applyFault, type Fault, FaultPlan, type Outcome } from './faults';
import { renderPage } from './html';
import { errorResponse, fromError, GraphError, type GraphResponse, notFound, parseJson, readBody, send } from './http';
import { createRoutes, type GraphRequest } from './routes';
import { checkSeed, type Seed } from './seed';
import { type Received, Store } from './store';
import { type UploadSession, UploadTarget } from './uploads';

export { devToken } from './auth';
export type { Fault, FaultStatus } from './faults';
export type { BusyRule, FixedBlock, Seed, SeedCalendar, SeedTeam, SeedUser, Weekday } from './seed';
export type { EventChange, Received } from './store';
export type { Upload, UploadSession } from './uploads';

const respond = (response: GraphResponse): Outcome => ({ kind: 'respond', response });

export class GraphSimulator {
  private readonly store: Store;
  private readonly faults = new FaultPlan();
  private readonly routes: (req: GraphRequest) => GraphResponse;
  private clock: () => Date = () => new Date();
  private server: Server | undefined;
  private port = 0;
  private readonly sleepers = new Set<() => void>();
  /** Plays the manager's OneDrive for Teams file consent uploads ("Lav sagsmappe"). */
  readonly uploads = new UploadTarget(() => `http://127.0.0.1:${this.port}`);

  constructor(seed: Seed) {
    this.store = new Store(checkSeed(seed));
    this.routes = createRoutes(this.store, () => this.clock());
  }

  /** The demo department of dev/demo-departments.json, with rule-based calendars. */
  static fromDemo(): GraphSimulator {
    return new GraphSimulator(checkSeed(demoSeed));
  }

  static fromFile(file: string): GraphSimulator {
    return new GraphSimulator(checkSeed(JSON.parse(readFileSync(file, 'utf8'))));
  }

  async start(port = 0): Promise<{ url: string; port: number }> {
    if (this.server) throw new Error('the Graph simulator is already started');
    const server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${this.port}`, port: this.port };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const cancel of this.sleepers) cancel();
    this.sleepers.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // fetch keeps connections alive; without this close() would wait for them to time out.
    server.closeAllConnections();
    await closed;
    this.uploads.close();
  }

  received(): Received {
    return this.store.received();
  }

  /** Back to the seed: no events, posts, changes or faults. The clock stays. */
  reset(): void {
    this.store.reset();
    this.uploads.reset();
    this.faults.clear();
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setClock(clock: () => Date): void {
    this.clock = clock;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // Uploads stream their bodies (fragments up to 60 MB); everything else is small JSON.
      if (req.url?.startsWith('/_uploads')) {
        this.checkCaller(req);
        const url = new URL(req.url, 'http://127.0.0.1');
        if (await this.uploads.handle(req, res, url.pathname, (req.method ?? 'GET').toUpperCase())) return;
      }
      const outcome = await this.handle(req);
      if (outcome.kind === 'drop') req.socket.destroy();
      else send(res, outcome.response);
    } catch (e) {
      if (!this.server) req.socket.destroy();
      else send(res, fromError(e));
    }
  }

  private async handle(req: IncomingMessage): Promise<Outcome> {
    this.checkCaller(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    if (url.pathname === '/' && method === 'GET') return respond(this.page());
    if (url.pathname.startsWith('/_sim/')) return respond(this.control(method, url.pathname, raw));
    if (url.pathname.startsWith('/v1.0/')) return this.graph(req, method, url.pathname, raw);
    throw notFound(url.pathname);
  }

  /** Loopback binding stops other machines; this stops web pages in the developer's browser (DNS rebinding, CSRF). */
  private checkCaller(req: IncomingMessage): void {
    const hosts = [`127.0.0.1:${this.port}`, `localhost:${this.port}`];
    if (!hosts.includes(req.headers.host ?? ''))
      throw new GraphError(421, 'MisdirectedRequest', 'The simulator only answers to 127.0.0.1.');
    const origin = req.headers.origin;
    if (origin && !hosts.some((h) => origin === `http://${h}`))
      throw new GraphError(403, 'Forbidden', 'Cross-origin requests are refused.');
  }

  private page(): GraphResponse {
    return {
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'X-Content-Type-Options': 'nosniff',
      },
      body: renderPage(this.received()),
    };
  }

  private control(method: string, path: string, raw: string): GraphResponse {
    const route = `${method} ${path}`;
    if (route === 'GET /_sim/received') return { status: 200, body: this.received() };
    if (route === 'POST /_sim/uploads') {
      const { name } = (parseJson(raw) ?? {}) as { name?: unknown };
      const session: UploadSession = this.uploads.create(typeof name === 'string' ? name : 'fil');
      return { status: 201, body: session };
    }
    if (route === 'GET /_sim/uploads') return { status: 200, body: this.uploads.list() };
    if (route === 'POST /_sim/reset') {
      this.reset();
      return { status: 204 };
    }
    if (route === 'DELETE /_sim/faults') {
      this.clearFaults();
      return { status: 204 };
    }
    if (route === 'POST /_sim/faults') {
      const fault = parseJson(raw) as Fault;
      try {
        this.inject(fault);
      } catch (e) {
        return errorResponse(400, 'BadRequest', (e as Error).message);
      }
      return { status: 201, body: fault };
    }
    throw notFound(path);
  }

  private async graph(req: IncomingMessage, method: string, fullPath: string, raw: string): Promise<Outcome> {
    const identity = readDevToken(req.headers.authorization);
    const me = identity && this.store.users.find((u) => u.id.toLowerCase() === identity.oid.toLowerCase());
    if (!me) {
      const why = !req.headers.authorization
        ? 'Access token is empty.'
        : identity
          ? `The token's oid '${identity.oid}' is not a user in the simulator's seed.`
          : "Access token is not a dev token ('dev.' + base64url JSON { oid, name }).";
      return respond(errorResponse(401, 'InvalidAuthenticationToken', why));
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    return this.execute({ method, path: fullPath.slice('/v1.0'.length), headers, body: parseJson(raw), me }, fullPath);
  }

  /** One Graph request, direct or inside a batch, under whatever fault matches it. */
  private execute = (req: GraphRequest, fullPath: string): Promise<Outcome> =>
    applyFault(
      this.faults.take(req.method, fullPath),
      async () => {
        try {
          if (req.method === 'POST' && req.path === '/$batch') return await runBatch(req.body, req.me, this.execute);
          return respond(this.routes(req));
        } catch (e) {
          return respond(fromError(e));
        }
      },
      (ms) => this.sleep(ms),
    );

  /** A delay that stop() cuts short, so a test's pending delayed request cannot keep jest alive. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const cancel = () => {
        clearTimeout(timer);
        reject(new Error('the Graph simulator stopped'));
      };
      const timer = setTimeout(() => {
        this.sleepers.delete(cancel);
        resolve();
      }, ms);
      this.sleepers.add(cancel);
    });
  }
}
