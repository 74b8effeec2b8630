/**
 * Dev tokens: `dev.` + base64url(JSON { oid, name }). Unsigned on purpose: the simulator only listens on
 * loopback and must be usable from tests and the local stack without any identity provider.
 */
export interface DevIdentity {
  oid: string;
  name: string;
}

export function devToken(oid: string, name: string): string {
  return `dev.${Buffer.from(JSON.stringify({ oid, name }), 'utf8').toString('base64url')}`;
}

/** The identity in an `Authorization: Bearer dev.…` header, or undefined when it is missing or malformed. */
export function readDevToken(authorization: string | undefined): DevIdentity | undefined {
  const m = /^Bearer\s+dev\.([A-Za-z0-9_-]+)$/i.exec(authorization?.trim() ?? '');
  if (!m) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as Partial<DevIdentity>;
    if (typeof claims.oid !== 'string' || claims.oid === '') return undefined;
    return { oid: claims.oid, name: typeof claims.name === 'string' ? claims.name : '' };
  } catch {
    return undefined;
  }
}
