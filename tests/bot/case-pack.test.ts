/**
 * "Gem siden nu" and "Lav sagsmappe" over HTTP: the bot on /api/messages over Azurite, a local test site for the
 * pages, the Graph simulator as the manager's OneDrive (the upload target of a Teams file consent), and a fake Bot
 * Connector that records the consent and file cards the bot sends to the chat.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../../dev/app-package/png';
import { choices } from '../../dev/flow/cards';
import { confirmPlan } from '../../dev/flow/walk';
import { GraphSimulator, type UploadSession } from '../../dev/graph-simulator/simulator';
import { claimKey } from '../../src/app/actions/evidence-capture';
import { CaseRepository } from '../../src/app/case-repository';
import { Verb } from '../../src/app/verbs';
import type { IncidentCase } from '../../src/domain/case';
import type { EvidenceItem } from '../../src/domain/evidence';
import type { ResolveHost } from '../../src/evidence/page-capture';
import { loadPolicy } from '../../src/policy/load-policy';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { EvidenceBlobStore } from '../../src/storage/evidence-blob-store';
import {
  action,
  type Card,
  cardOf,
  cardText,
  executes,
  fileAttachment,
  invoke,
  PEOPLE,
  type Person,
  post,
  type Running,
  sendFiles,
  startBot,
  useServiceUrl,
} from '../support/bot-client';
import { click, startCard, validCards } from '../support/case-steps';
import { type ConnectorCall, startFakeConnector } from '../support/fake-connector';
import { send } from '../support/file-server';
import { pdfText } from '../support/pdf-text';
import { unzipTo } from '../support/unzip';
import { validateCard } from '../support/validate-card';

const policy = loadPolicy();

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const PAGE = '<!doctype html><h1>Opslag om Anders Kjær</h1>';

let site: Server;
let port = 0;
const hits: string[] = [];
/** Screenshots the test site serves, as Teams' attachment service would. */
const screenshots = new Map<string, Uint8Array>();
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let sim: GraphSimulator;
let simUrl = '';
let bot: Running;
let cases: CaseRepository;
let evidence: EvidenceBlobStore;
let claims: BlobJsonStore;

/** Names of the test site: site.test is this machine, intranet.test a private address nothing may reach. */
const resolveHost: ResolveHost = async (host) => {
  const hosts: Record<string, string> = { 'site.test': '127.0.0.1', 'intranet.test': '10.0.0.1' };
  if (!hosts[host]) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return [{ address: hosts[host], family: 4 }];
};
const link = (path: string) => `http://site.test:${port}${path}`;

beforeAll(async () => {
  site = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    if (path === '/post') send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'sid=1' }, PAGE);
    else if (path === '/to-login') send(res, 302, { location: '/accounts/login?next=/post' });
    else if (path.startsWith('/accounts/login')) send(res, 200, { 'content-type': 'text/html' }, '<form>Log ind</form>');
    else if (screenshots.has(path)) send(res, 200, { 'content-type': 'image/png' }, screenshots.get(path));
    else if (path === '/to-intranet') send(res, 302, { location: `http://intranet.test:${port}/post` });
    else send(res, 404, { 'content-type': 'text/plain' }, 'Not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as AddressInfo).port;
  connector = await startFakeConnector();
  useServiceUrl(connector.url);
  sim = GraphSimulator.fromDemo();
  simUrl = (await sim.start()).url;
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING as string;
  const container = `t${sha(String(Math.random())).slice(0, 12)}`;
  evidence = EvidenceBlobStore.fromConnectionString(connection, { fetch, gate: () => ({ ok: true }) }, container);
  claims = BlobJsonStore.fromConnectionString(connection, container);
  cases = new CaseRepository(claims);
  bot = await startBot({ container, overrides: { evidence, resolveHost } });
});
afterAll(async () => {
  await bot.stop();
  await sim.stop();
  await connector.stop();
  await new Promise<void>((resolve) => {
    site.closeAllConnections();
    site.close(() => resolve());
  });
});

const sendCard = () => validCards(bot.url);

async function caseWithLinks(urls: string[]): Promise<{ caseId: string; plan: Card }> {
  const intake = await click(sendCard(), await startCard(bot.url), Verb.newIncident);
  const { caseId, plan } = await confirmPlan(sendCard(), intake, {
    employees: PEOPLE.anders.aadObjectId,
    urls: urls.join('\n'),
    platform: 'website',
    discoveredOn: '2026-11-24',
    description: 'Borgerens opslag om Anders',
  });
  // "Gem siden nu" is in the opened Dokumentation section, one click from the plan.
  const opened = await invoke(bot.url, PEOPLE.mette, Verb.evidenceShow, action(plan as Card, Verb.evidenceShow).data);
  expect(validateCard(opened.body.value)).toEqual([]);
  return { caseId, plan: opened.body.value as Card };
}

const stored = async (caseId: string) => (await cases.get(caseId))?.value as IncidentCase;
const saveButton = (card: Card, index: number) => action(card, Verb.evidenceCapture, (d) => d.link === index);

/** The activities the bot sent to the chat through the Bot Connector since `from`. */
const sent = (from = 0) =>
  connector.calls
    .slice(from)
    .filter((c: ConnectorCall) => c.method === 'POST' && c.path.includes('/activities'))
    .map((c) => c.body);

function fileConsentInvoke(value: Record<string, unknown>) {
  const who = PEOPLE.mette;
  return {
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: { type: 'fileUpload', ...value },
    id: `fc-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale: 'da-DK',
    from: who,
    recipient: { id: '28:opbakning', name: 'Opbakning' },
    conversation: { id: `a:personal-${who.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
  };
}

describe('"Gem siden nu" on the case card', () => {
  it('saves a page once per click, records a login wall, an error and a refused private redirect as such', async () => {
    const urls = [link('/post'), link('/to-login'), link('/gone'), link('/to-intranet')];
    const { caseId, plan } = await caseWithLinks(urls);
    expect(cardText(plan)).toContain('Gem siden nu');
    const save = saveButton(plan, 0);

    hits.length = 0;
    // A double click: both with the card's revision, at the same time. One fetch, one item.
    const [a, b] = await Promise.all([
      invoke(bot.url, PEOPLE.mette, save.verb, save.data),
      invoke(bot.url, PEOPLE.mette, save.verb, save.data),
    ]);
    for (const r of [a, b]) expect(validateCard(r.body.value)).toEqual([]);
    expect(hits.filter((h) => h === '/post')).toHaveLength(1);
    // And again later, from the same (now stale) card: nothing new.
    const again = await invoke(bot.url, PEOPLE.mette, save.verb, save.data);
    expect(cardText(again.body.value)).toContain('Siden er gemt');
    expect(hits.filter((h) => h === '/post')).toHaveLength(1);

    let c = await stored(caseId);
    expect(c.evidence).toHaveLength(1);
    const page = c.evidence?.[0] as EvidenceItem;
    expect(page).toMatchObject({
      kind: 'capture',
      addedBy: PEOPLE.mette.aadObjectId,
      link: urls[0],
      size: Buffer.byteLength(PAGE),
      sha256: sha(PAGE),
      sniffedType: 'text/html',
      capture: { requestedUrl: urls[0], finalUrl: urls[0], status: 200, outcome: 'content' },
    });
    expect(page.capture?.headers['set-cookie']).toBeUndefined();
    const bytes = await evidence.open(caseId, page.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of bytes ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(PAGE);

    // The other links, each from the card the previous click returned.
    let card = again.body.value;
    const expected = [
      { notice: 'krævede login', outcome: 'loginWall', error: 'loginWall' },
      { notice: 'kunne ikke hentes', outcome: 'error', error: 'http404' },
      { notice: 'ikke-offentlig adresse', outcome: 'error', error: 'privateAddress' },
    ];
    for (const [n, want] of expected.entries()) {
      const button = saveButton(card, n + 1);
      const res = await invoke(bot.url, PEOPLE.mette, button.verb, button.data);
      expect(validateCard(res.body.value)).toEqual([]);
      expect(cardText(res.body.value)).toContain(want.notice);
      card = res.body.value;
      c = await stored(caseId);
      expect(c.evidence?.at(-1)).toMatchObject({
        kind: 'capture',
        link: urls[n + 1],
        capture: { outcome: want.outcome, error: want.error },
      });
    }
    // The private address behind the redirect was never connected to: the only request was the redirect itself.
    expect(hits.filter((h) => h === '/to-intranet')).toHaveLength(1);
    expect(c.evidence?.at(-1)?.capture).toMatchObject({ finalUrl: `http://intranet.test:${port}/post`, status: 0 });

    // The text export lists the evidence with the full hash.
    const exported = await invoke(bot.url, PEOPLE.mette, Verb.exportCase, { caseId });
    expect(cardText(exported.body.value)).toContain(`SHA-256 ${sha(PAGE)}`);
    expect(cardText(exported.body.value)).toContain('Dokumentation (4)');
  });

  it('after a crash between fetch and save, the next click records the fetched page instead of fetching again', async () => {
    const { caseId, plan } = await caseWithLinks([link('/post')]);
    const save = saveButton(plan, 0);
    const item: EvidenceItem = {
      id: `cap-${save.data.rev}-0`,
      kind: 'capture',
      addedBy: PEOPLE.mette.aadObjectId,
      receivedAt: new Date().toISOString(),
      name: 'site.test',
      size: 0,
      sniffedType: 'application/octet-stream',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      link: link('/post'),
      capture: { requestedUrl: link('/post'), finalUrl: link('/post'), status: 0, outcome: 'error', headers: {}, error: 'timeout' },
    };
    // What the first click left: its claim, holding the capture it made, and no item on the case.
    await claims.create(claimKey(caseId, item.id), { at: new Date().toISOString(), item });
    hits.length = 0;
    const res = await invoke(bot.url, PEOPLE.mette, save.verb, save.data);
    expect(cardText(res.body.value)).toContain('kunne ikke hentes');
    expect(hits).toEqual([]);
    expect((await stored(caseId)).evidence).toEqual([item]);
  });

  it('is refused for someone not on the case, and nothing is fetched', async () => {
    const { plan } = await caseWithLinks([link('/post')]);
    const save = saveButton(plan, 0);
    hits.length = 0;
    const res = await invoke(bot.url, PEOPLE.peter, save.verb, save.data);
    expect(cardText(res.body.value)).toContain('ikke adgang');
    expect(hits).toEqual([]);
  });
});

describe('"Lav sagsmappe": the case pack through a Teams file consent', () => {
  it('the Done-when walk: two screenshots sent in the chat and a saved page, with hashes on the card, then the PDF and the ZIP through a file consent', async () => {
    const { caseId, plan } = await caseWithLinks([link('/post'), link('/to-intranet')]);
    const first = await invoke(bot.url, PEOPLE.mette, saveButton(plan, 0).verb, saveButton(plan, 0).data);
    // A refused capture has no body: the ZIP holds an empty file for it, and its hash is that of no bytes.
    await invoke(bot.url, PEOPLE.mette, Verb.evidenceCapture, saveButton(first.body.value, 1).data);
    // Two screenshots sent to the bot in the 1:1 chat, in both forms Teams uses: a pasted image (contentUrl) and a file
    // (downloadUrl). The test site serves their bytes.
    const shots = [1, 2].map((seed) => {
      const data = new Uint8Array(40 * 30 * 4).map((_, i) => (i * seed) & 0xff);
      for (let i = 3; i < data.length; i += 4) data[i] = 255;
      return encodePng({ width: 40, height: 30, data });
    });
    screenshots.set('/shot1.png', shots[0]);
    screenshots.set('/shot2.png', shots[1]);
    const served = (path: string) => `http://127.0.0.1:${port}${path}`;
    const messages = [
      [{ contentType: 'image/png', contentUrl: served('/shot1.png') }],
      [fileAttachment(served('/shot2.png'), 'Skærmbillede 2.png')],
    ];
    let card: Card = first.body.value;
    for (const attachments of messages) {
      const res = await sendFiles(bot.url, PEOPLE.mette, attachments);
      expect(res.status).toBe(200);
      let reply = cardOf(res.activities[0]);
      expect(validateCard(reply)).toEqual([]);
      // Mette may have other open cases from earlier tests: then the bot asks which case the file is for.
      if (executes(reply).some((a) => a.verb === Verb.evidenceCase)) {
        const chosen = action(reply, Verb.evidenceCase, (d) => d.caseId === caseId);
        reply = (await invoke(bot.url, PEOPLE.mette, chosen.verb, chosen.data)).body.value;
      }
      expect(cardText(reply)).toContain('Gemt på sagen');
      // What it documents: the first link.
      const described = action(reply, Verb.evidenceDescribe);
      const res2 = await invoke(bot.url, PEOPLE.mette, described.verb, { ...described.data, evidenceLink: link('/post') });
      expect(validateCard(res2.body.value)).toEqual([]);
      card = res2.body.value;
    }
    // The case card lists all four with the first 16 hex digits of each SHA-256.
    const items = (await stored(caseId)).evidence ?? [];
    expect(items.map((i) => i.kind)).toEqual(['capture', 'capture', 'file', 'file']);
    expect(items.slice(2).map((i) => i.sha256)).toEqual(shots.map((b) => sha(b)));
    expect(items.slice(2).map((i) => i.link)).toEqual([link('/post'), link('/post')]);
    for (const i of items) expect(cardText(card)).toContain(i.sha256.slice(0, 16));
    expect(cardText(card)).toContain('Dokumentation (4)');

    const from = connector.calls.length;
    // In the same opened section the manager ticks the first draft on the plan for the PDF (and a forged id rides along).
    const make = action(card, Verb.packMake);
    const draftChoices = choices(card, 'packDrafts');
    expect(draftChoices.length).toBeGreaterThan(0);
    const chosen = draftChoices[0] as { title: string; value: string };
    const offered = await invoke(bot.url, PEOPLE.mette, make.verb, { ...make.data, packDrafts: `${chosen.value},policeReportX` });
    expect(validateCard(offered.body.value)).toEqual([]);
    expect(cardText(offered.body.value)).toContain('Sagsmappen er klar');
    const consents = sent(from).flatMap(
      (a) => (a.attachments ?? []) as { contentType: string; name: string; content: Record<string, unknown> }[],
    );
    expect(consents.map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.teams.card.file.consent',
      'application/vnd.microsoft.teams.card.file.consent',
    ]);
    const [pdfOffer, zipOffer] = consents;
    expect(pdfOffer.name).toMatch(/^OPB-[A-Z0-9-]+-sagsmappe\.pdf$/);
    expect(zipOffer.name).toMatch(/-sagsmappe\.zip$/);
    expect(zipOffer.content).toMatchObject({
      acceptContext: { caseId, file: 'zip', drafts: [chosen.value] },
      declineContext: { caseId, file: 'zip', drafts: [chosen.value] },
    });
    expect(Number(zipOffer.content.sizeInBytes)).toBeGreaterThan(shots[0].byteLength + shots[1].byteLength);

    // The manager accepts: Teams creates the upload session (the simulator's OneDrive here) and invokes the bot.
    const accept = async (offer: (typeof consents)[number]) => {
      const session = (await (
        await fetch(`${simUrl}/_sim/uploads`, { method: 'POST', body: JSON.stringify({ name: offer.name }) })
      ).json()) as UploadSession;
      const before = connector.calls.length;
      const res = await post(
        bot.url,
        fileConsentInvoke({
          action: 'accept',
          context: offer.content.acceptContext,
          uploadInfo: {
            name: session.name,
            uploadUrl: session.uploadUrl,
            contentUrl: session.contentUrl,
            uniqueId: session.uniqueId,
            fileType: session.fileType,
          },
        }),
      );
      expect(res.status).toBe(200);
      const upload = sim.uploads.list().find((u) => u.id === session.id);
      expect(upload).toMatchObject({ complete: true });
      const fileCards = sent(before).flatMap((a) => (a.attachments ?? []) as Record<string, unknown>[]);
      expect(fileCards).toEqual([
        {
          contentType: 'application/vnd.microsoft.teams.card.file.info',
          contentUrl: session.contentUrl,
          name: session.name,
          content: { uniqueId: session.uniqueId, fileType: session.fileType },
        },
      ]);
      const got = Buffer.from(await (await fetch(session.contentUrl)).arrayBuffer());
      expect(sha(got)).toBe(upload?.sha256);
      return got;
    };

    const dir = await mkdtemp(join(tmpdir(), 'opbakning-pack-test-'));
    try {
      const zip = await accept(zipOffer);
      await writeFile(join(dir, 'pack.zip'), zip);
      const names = await unzipTo(join(dir, 'pack.zip'), join(dir, 'x'));
      expect(names).toEqual(
        expect.arrayContaining([
          pdfOffer.name,
          'gemte-sider/02 intranet.test.bin',
          'dokumentation/03 skærmbillede.png',
          'dokumentation/04 Skærmbillede 2.png',
          'SHA256SUMS',
        ]),
      );
      expect(names.some((n) => n.startsWith('gemte-sider/01 site.test'))).toBe(true);
      // sha256sum -c accepts every line, and the evidence files are the stored bytes.
      const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'x'), encoding: 'utf8' });
      expect(
        check
          .trim()
          .split('\n')
          .every((l) => l.endsWith(': OK')),
      ).toBe(true);
      expect(await readFile(join(dir, 'x', 'dokumentation/03 skærmbillede.png'))).toEqual(shots[0]);
      expect(await readFile(join(dir, 'x', 'dokumentation/04 Skærmbillede 2.png'))).toEqual(shots[1]);
      expect(await readFile(join(dir, 'x', 'gemte-sider/02 intranet.test.bin'))).toEqual(Buffer.alloc(0));

      // The PDF on its own: the evidence index, with who, link and full hashes.
      const pdf = await accept(pdfOffer);
      const { text } = await pdfText(pdf);
      expect(text).toContain('Dokumentation – oversigt');
      // The chosen draft, filled in for this case.
      const draftId = policy.actions.find((a) => a.id === chosen.value)?.draft as string;
      expect(text).toContain(policy.drafts[draftId]?.title.da);
      expect(text).toContain('Anders Kjær');
      expect(text).toContain('skærmbillede.png');
      expect(text).toContain('Skærmbillede 2.png');
      expect(text).toContain('Mette Holm');
      expect(text).toContain(link('/post'));
      for (const shot of shots) expect(text.replace(/\s+/g, '')).toContain(sha(shot));
      expect(sim.uploads.list().filter((u) => u.complete)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // Declined: nothing is uploaded, and the bot says so.
    const before = connector.calls.length;
    const declined = await post(bot.url, fileConsentInvoke({ action: 'decline', context: zipOffer.content.declineContext }));
    expect(declined.status).toBe(200);
    expect(sent(before).map((a) => a.text)).toEqual([expect.stringContaining('ikke gemt')]);
  });

  it('answers Teams at once when the upload takes longer, and posts the file card when it is done', async () => {
    const { caseId } = await caseWithLinks([link('/post')]);
    const slow = await startBot({ container: bot.container, overrides: { evidence, resolveHost, packBudgetMs: 0 } });
    try {
      const s = (await (await fetch(`${simUrl}/_sim/uploads`, { method: 'POST', body: '{"name":"slow.zip"}' })).json()) as UploadSession;
      const before = connector.calls.length;
      const res = await post(slow.url, fileConsentInvoke({ action: 'accept', context: { caseId, file: 'zip' }, uploadInfo: { ...s } }));
      expect(res.status).toBe(200);
      for (let i = 0; i < 100 && !sent(before).some((a) => a.attachments); i++) await new Promise((r) => setTimeout(r, 100));
      const answers = sent(before);
      expect(String(answers[0]?.text)).toContain('Jeg laver filen');
      expect(answers[1]?.attachments).toEqual([
        expect.objectContaining({ contentType: 'application/vnd.microsoft.teams.card.file.info', name: s.name }),
      ]);
      expect(sim.uploads.list().find((u) => u.id === s.id)).toMatchObject({ complete: true });
    } finally {
      await slow.stop();
    }
  });

  it('uploads nowhere but where Teams puts files, and only for someone on the case', async () => {
    const { caseId } = await caseWithLinks([link('/post')]);
    const session = (await (await fetch(`${simUrl}/_sim/uploads`, { method: 'POST', body: '{"name":"x.zip"}' })).json()) as UploadSession;
    const attempt = async (who: Person, uploadUrl: string) => {
      const before = connector.calls.length;
      const res = await post(bot.url, {
        ...fileConsentInvoke({ action: 'accept', context: { caseId, file: 'zip' }, uploadInfo: { ...session, uploadUrl } }),
        from: who,
      });
      expect(res.status).toBe(200);
      return sent(before).map((a) => String(a.text));
    };
    expect(await attempt(PEOPLE.mette, 'http://example.org/upload')).toEqual([expect.stringContaining('kunne ikke lægges')]);
    expect(await attempt(PEOPLE.peter, session.uploadUrl)).toEqual([expect.stringContaining('ikke adgang')]);
    expect(sim.uploads.list().find((u) => u.id === session.id)).toMatchObject({ size: 0, complete: false });
  });
});
