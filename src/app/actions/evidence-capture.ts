import type { IncidentCase } from '../../domain/case';
import type { EvidenceItem, PageCaptureFacts } from '../../domain/evidence';
import { cleanFileName } from '../../domain/file-name';
import { sniffType } from '../../domain/sniff-type';
import { hostName } from '../../domain/text';
import type { Department } from '../directory';
import type { EvidencePort, PageCapture, PageCapturePort, StoreLimits } from '../evidence-port';
import type { JsonStore } from '../json-store';
import type { Notice } from '../screens';
import type { Verb } from '../verbs';
import { type CaseTurn, notice } from './context';
import { evidenceScreen } from './evidence';
import type { CaseHandler, Decoded } from './handler';

export interface CaptureDeps {
  readonly pages: PageCapturePort;
  readonly evidence: EvidencePort;
  readonly limits: StoreLimits;
  /** Where a capture is claimed before the page is fetched (`captures/{caseId}/…`); deleted with the case. */
  readonly claims: JsonStore;
  /** How long an unfinished claim holds: after a crash between fetch and save, the same card can try again. */
  readonly claimMs?: number;
}

/** A capture in progress, or done and waiting to be recorded on the case. */
interface Claim {
  readonly at: string;
  readonly item?: EvidenceItem;
}

const CLAIM_MS = 60_000;
/** SHA-256 of no bytes: a login wall or error may come without a body, and nothing is stored for it. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const claimKey = (caseId: string, itemId: string) => `captures/${caseId}/${itemId}.json`;

function linkIndex(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
}

/**
 * "Gem siden nu" for one of the case's links: the page is fetched once, server-side (PageCapturePort, guarded), its raw
 * response stored beside the case (EvidencePort) and recorded as a `capture` item, a login wall or error as such.
 *
 * One click, one capture: the item's id is made from the card's revision and the link, and the capture is claimed in
 * storage (create-only) before the page is fetched. A second click on the same card, at once or later, finds the claim
 * or the item and fetches nothing; an older card is stale. The claim then keeps the finished item, so a conflict or
 * crash after the fetch records that capture instead of fetching again. Claims are deleted with the case.
 */
export const evidenceCapture: CaseHandler<typeof Verb.evidenceCapture> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(deps, turn, data) {
    const { case: c, department, rev } = turn;
    const show = (code: Notice['code'], tone: Notice['tone'] = 'warning'): Decoded => ({
      screen: evidenceScreen(c, department, notice(code, tone)),
    });
    const cap = deps.capture;
    if (!cap || c.kind !== 'incident' || c.status !== 'plan') return show('notAllowedNow');
    const index = linkIndex(data.link);
    const link = Number.isInteger(index) ? c.intake?.urls[index] : undefined;
    if (!link) return show('badRequest');
    const id = `cap-${rev}-${index}`;
    const key = claimKey(c.id, id);
    if (c.evidence?.some((i) => i.id === id)) return show('captureSaved', 'good');
    const claim = await cap.claims.get<Claim>(key);
    if (claim?.value.item) return recorded(claim.value.item, department);
    const fresh = claim && deps.clock.now().getTime() - Date.parse(claim.value.at) < (cap.claimMs ?? CLAIM_MS);
    if (fresh) return show('captureBusy', 'accent');
    if (c.rev !== rev) return show('stale');
    const at = { at: deps.clock.now().toISOString() };
    const claimed = claim ? await cap.claims.replace(key, at, claim.etag) : await cap.claims.create(key, at);
    if (claimed !== 'created' && claimed !== 'saved') return show('captureBusy', 'accent');

    const page = await cap.pages.capture(link);
    const item = await store(deps.clock.now(), turn, c, cap, page, { id, link });
    if (!item) {
      await cap.claims.delete(key).catch(() => undefined);
      return show('captureNotStored', 'attention');
    }
    const current = await cap.claims.get<Claim>(key);
    if (current) await cap.claims.replace(key, { ...at, item }, current.etag);
    return recorded(item, department);
  },
};

/** The item for the case. The claim stays (it is the record that this card's click was carried out) and goes with the case. */
function recorded(item: EvidenceItem, department: Department): Decoded {
  // Back on the open evidence list, where the next link's "Gem siden nu" is.
  return { command: { type: 'evidence.add', item }, show: async (saved) => evidenceScreen(saved, department, noticeFor(item)) };
}

function noticeFor(item: EvidenceItem): Notice {
  const outcome = item.capture?.outcome;
  if (outcome === 'content') return notice('captureSaved', 'good');
  if (outcome === 'loginWall') return notice('captureLoginWall', 'warning');
  return item.capture?.error === 'privateAddress' || item.capture?.error === 'notHttp' || item.capture?.error === 'credentialsInUrl'
    ? notice('captureRefused', 'attention')
    : notice('captureFailed', 'warning');
}

/** Stores the response body (none for an empty one) and makes the item; undefined when the bytes could not be kept. */
async function store(
  now: Date,
  turn: CaseTurn,
  c: IncidentCase,
  cap: CaptureDeps,
  page: PageCapture,
  at: { id: string; link: string },
): Promise<EvidenceItem | undefined> {
  const declaredType = page.headers['content-type'];
  let sha256 = EMPTY_SHA256;
  let head: Uint8Array = new Uint8Array();
  if (page.body.byteLength) {
    const stored = await cap.evidence.storeBytes(c.id, page.body, cap.limits, declaredType);
    if (!stored.ok) return undefined;
    sha256 = stored.sha256;
    head = stored.head;
  }
  const capture: PageCaptureFacts = {
    requestedUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    status: page.status,
    outcome: page.outcome,
    headers: page.headers,
    ...(page.error ? { error: page.error === 'httpError' ? `http${page.status}` : page.error } : {}),
  };
  return {
    id: at.id,
    kind: 'capture',
    addedBy: turn.actor.id,
    receivedAt: now.toISOString(),
    name: cleanFileName(hostName(page.finalUrl) ?? hostName(at.link) ?? '', 'side'),
    size: page.body.byteLength,
    ...(declaredType ? { declaredType } : {}),
    sniffedType: sniffType(head),
    sha256,
    link: at.link,
    capture,
  };
}
