/**
 * The Graph simulator's development token: "dev." + base64url of {"oid","name"}.
 * Only ever sent to a loopback GRAPH_ENDPOINT (config refuses GRAPH_AUTH=dev otherwise).
 */
export function devToken(oid: string, name: string): string {
  return `dev.${Buffer.from(JSON.stringify({ oid, name }), 'utf8').toString('base64url')}`;
}
