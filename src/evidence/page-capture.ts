import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { PageCapture, PageCaptureError, PageCapturePort } from '../app/evidence-port';
import { isLoopbackAddress, isPublicAddress } from './public-address';

/** Resolves a host name to all its addresses (node:dns/promises `lookup(host, { all: true })` in production). */
export type ResolveHost = (host: string) => Promise<readonly { address: string; family: number }[]>;

export interface PageCaptureOptions {
  readonly resolve: ResolveHost;
  readonly now: () => Date;
  /** Local mode: loopback addresses are allowed so a local test site can be saved. Private ranges never are. */
  readonly localMode: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
}

export const CAPTURE_DEFAULTS = { timeoutMs: 10_000, maxBytes: 15 * 1024 * 1024, maxRedirects: 3 } as const;

/** Paths and hosts that mean "sign in first": the page behind them is not what was captured. */
const LOGIN = /(^|[./])(login|signin|sign-in|sign_in|logon|auth|sso|checkpoint|accounts)([./?#_-]|$)/i;

/**
 * "Gem siden nu": fetches a page once, server-side, and keeps the raw response.
 *
 * Every hop is resolved here and connected to the very address that was checked (so a DNS answer
 * cannot change between check and connection); only public addresses are allowed, redirects are
 * followed by hand (at most three), no cookies or credentials are sent, and the whole capture has
 * 10 s and 15 MB. A sign-in wall or a failure is recorded as such, never as the page's content.
 */
export class PageCapturer implements PageCapturePort {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;

  constructor(private readonly options: PageCaptureOptions) {
    this.timeoutMs = options.timeoutMs ?? CAPTURE_DEFAULTS.timeoutMs;
    this.maxBytes = options.maxBytes ?? CAPTURE_DEFAULTS.maxBytes;
    this.maxRedirects = options.maxRedirects ?? CAPTURE_DEFAULTS.maxRedirects;
  }

  async capture(requestedUrl: string): Promise<PageCapture> {
    const fetchedAt = this.options.now().toISOString();
    const deadline = Date.now() + this.timeoutMs;
    const base = { requestedUrl, fetchedAt, finalUrl: requestedUrl, status: 0, headers: {}, body: new Uint8Array() };
    const fail = (error: PageCaptureError, more: Partial<PageCapture> = {}): PageCapture => ({
      ...base,
      ...more,
      outcome: error === 'loginWall' ? 'loginWall' : 'error',
      error,
    });
    let url: URL;
    try {
      url = new URL(requestedUrl);
    } catch {
      return fail('badUrl');
    }
    let sawLogin = false;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('notHttp', { finalUrl: url.toString() });
      if (url.username || url.password) return fail('credentialsInUrl', { finalUrl: url.toString() });
      const address = await this.allowedAddress(url.hostname, deadline);
      if (typeof address !== 'string') return fail(address.error, { finalUrl: url.toString() });
      const got = await this.get(url, address, deadline);
      if ('error' in got) return fail(got.error, { finalUrl: url.toString(), ...(got.partial ?? {}) });
      const { status, headers, body } = got;
      const location = headers.location;
      if (status >= 300 && status < 400 && location) {
        if (hop >= this.maxRedirects) return fail('tooManyRedirects', { finalUrl: url.toString(), status, headers });
        const next = safeUrl(location, url);
        if (!next) return fail('badUrl', { finalUrl: url.toString(), status, headers });
        if (LOGIN.test(next.hostname) || LOGIN.test(next.pathname)) sawLogin = true;
        url = next;
        continue;
      }
      const result = { ...base, finalUrl: url.toString(), status, headers, body };
      if (status === 401 || status === 403 || (sawLogin && status < 400)) return { ...result, outcome: 'loginWall', error: 'loginWall' };
      if (status < 200 || status >= 300) return { ...result, outcome: 'error', error: 'httpError' };
      return { ...result, outcome: 'content' };
    }
  }

  /** The address to connect to, if every address the name has is allowed (one private answer is enough to refuse). */
  private async allowedAddress(hostname: string, deadline: number): Promise<string | { error: PageCaptureError }> {
    const host = hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    if (isIP(host)) addresses = [host];
    else {
      try {
        const answers = await withDeadline(this.options.resolve(host), deadline);
        if (answers === 'timeout') return { error: 'timeout' };
        addresses = answers.map((a) => a.address);
      } catch {
        return { error: 'dnsFailed' };
      }
    }
    if (addresses.length === 0) return { error: 'dnsFailed' };
    const allowed = (a: string) => isPublicAddress(a) || (this.options.localMode && isLoopbackAddress(a));
    if (!addresses.every(allowed)) return { error: 'privateAddress' };
    return addresses[0];
  }

  private get(
    url: URL,
    address: string,
    deadline: number,
  ): Promise<
    | { status: number; headers: Record<string, string>; body: Uint8Array }
    | { error: PageCaptureError; partial?: { status: number; headers: Record<string, string> } }
  > {
    const family = isIP(address) === 6 ? 6 : 4;
    // Connect to the checked address; the host name still goes in Host and in TLS (SNI and certificate check).
    const lookup: LookupFunction = (_host, opts, callback) => {
      if ((opts as { all?: boolean }).all)
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const done = (v: Parameters<typeof resolve>[0]) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve(v);
      };
      const req = send(url, {
        method: 'GET',
        lookup,
        agent: false,
        headers: {
          'user-agent': 'Opbakning/1.0 (evidence capture)',
          accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          'accept-encoding': 'identity',
        },
      });
      let partial: { status: number; headers: Record<string, string> } | undefined;
      const timer = setTimeout(() => done({ error: 'timeout', partial }), Math.max(0, deadline - Date.now()));
      req.on('error', () => done({ error: 'network', partial }));
      req.on('response', (res: IncomingMessage) => {
        const headers = keptHeaders(res);
        const status = res.statusCode ?? 0;
        partial = { status, headers };
        const announced = Number(res.headers['content-length']);
        if (Number.isFinite(announced) && announced > this.maxBytes) return done({ error: 'tooLarge', partial });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > this.maxBytes) return done({ error: 'tooLarge', partial });
          chunks.push(chunk);
        });
        res.on('end', () => done({ status, headers, body: new Uint8Array(Buffer.concat(chunks, size)) }));
        res.on('error', () => done({ error: 'network', partial }));
        res.on('aborted', () => done({ error: 'network', partial }));
      });
      req.end();
    });
  }
}

/** The response headers worth keeping as evidence; cookies the site tried to set are not kept. */
function keptHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (name === 'set-cookie' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function safeUrl(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

async function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}
