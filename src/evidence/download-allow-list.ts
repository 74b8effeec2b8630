/**
 * Where evidence files may be downloaded from: only where Teams puts them. A file attachment's
 * `downloadUrl` is a pre-authenticated SharePoint/OneDrive link; an inline image's `contentUrl`
 * is on the Bot Framework's attachment service. Anything else is refused before a byte is fetched.
 */
export const DEFAULT_DOWNLOAD_HOSTS: readonly string[] = ['*.sharepoint.com', '*.botframework.com', 'smba.trafficmanager.net'];

export type DownloadRefusal = 'badUrl' | 'notHttps' | 'hostNotAllowed' | 'credentialsInUrl';

export type DownloadCheck =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly reason: DownloadRefusal; readonly host?: string };

export interface AllowListOptions {
  /** Host patterns: `example.com` exactly, or `*.example.com` for any name below it (not the bare domain). */
  readonly hosts: readonly string[];
  /** Local mode: plain http and loopback are allowed, so tests can use a local file server. */
  readonly localMode: boolean;
}

/** The check for one URL (and for every redirect it leads to). A refusal carries the host only, for the log. */
export function checkDownloadUrl(value: string, options: AllowListOptions): DownloadCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'badUrl' };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (url.username || url.password) return { ok: false, reason: 'credentialsInUrl', host };
  if (options.localMode && isLoopbackHost(host) && (url.protocol === 'http:' || url.protocol === 'https:')) return { ok: true, url };
  if (url.protocol !== 'https:') return { ok: false, reason: 'notHttps', host };
  if (url.port && url.port !== '443') return { ok: false, reason: 'hostNotAllowed', host };
  if (!options.hosts.some((pattern) => hostMatches(host, pattern))) return { ok: false, reason: 'hostNotAllowed', host };
  return { ok: true, url };
}

export function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase().replace(/\.$/, '');
  if (!p) return false;
  if (p.startsWith('*.')) {
    const suffix = p.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === p;
}

/** A host pattern as the configuration accepts it: a DNS name, optionally with a leading `*.`; no IP addresses, no bare `*`. */
export function isValidHostPattern(pattern: string): boolean {
  return /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(pattern.trim());
}

function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
