/**
 * `npm run preview`: every card in every state, in Danish and English, drawn by the adaptivecards renderer in headless
 * Chromium with Teams' light theme, into one page plus a PNG per card at desktop width and at 360 px (phone), in
 * .local/preview/. Fails, naming card, state and language, when a card does not parse cleanly in the renderer, is over
 * the bot message limit, a channel post is over Graph's limit, or axe-core finds a serious or critical accessibility
 * violation. Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM); it never downloads a browser.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { loadPolicy } from '../../src/policy/load-policy';
import { CHROMIUM, hasChromium, launchChromium } from '../chromium';
import { AXE_EXCLUSIONS } from './axe-exclusions';
import { MAX_CARD_BYTES, MAX_CHANNEL_POST_BYTES, previewCards, previewPosts, sizeProblems } from './catalogue';
import type { RenderedCard } from './in-page';
import { previewPage } from './page';
import { isTeamsFalsePositive, peoplePickerIds } from './teams-false-positives';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, '.local/preview');
const DESKTOP = { width: 1600, height: 900 };
const PHONE = { width: 360, height: 780 };
/** axe impacts that fail the preview. */
const FAILING = new Set(['serious', 'critical']);

async function main(): Promise<number> {
  const started = Date.now();
  const policyFile = process.env.POLICY_FILE || undefined;
  const policy = loadPolicy(policyFile);
  const cards = previewCards(policy);
  const posts = previewPosts(policy);
  const problems = sizeProblems(cards, posts);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(path.join(OUT, 'desktop'), { recursive: true });
  mkdirSync(path.join(OUT, 'phone'), { recursive: true });
  const html = previewPage({
    title: 'Opbakning – alle kort / every card',
    subtitle: `${policyFile ? `POLICY_FILE ${path.basename(policyFile)}` : 'Built-in policy'} (${policy.id}) · ${cards.length} cards in ${
      new Set(cards.map((c) => `${c.card}/${c.state}`)).size
    } states, Danish and English · drawn by adaptivecards ${adaptiveCardsVersion()} with Teams' light theme`,
    cards,
    posts,
    adaptiveCardsJs: readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8'),
    adaptiveCardsCss: readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8'),
  });
  const pagePath = path.join(OUT, 'index.html');
  writeFileSync(pagePath, html);

  if (!hasChromium()) {
    console.error(`No Chromium at ${CHROMIUM}. Install Debian's (apt-get install -y chromium) or set CHROMIUM to its path.`);
    return 2;
  }
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: DESKTOP, deviceScaleFactor: 1, locale: 'da-DK' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`file://${pagePath}`);
    const rendered = (await page.waitForFunction(() => (globalThis as { previewResults?: unknown }).previewResults)).jsonValue() as Promise<
      Record<string, RenderedCard>
    >;
    const results = await rendered;
    for (const e of pageErrors) problems.push(`page: ${e}`);

    // 1. What the renderer itself says about each card, minus Teams' documented false positives.
    for (const c of cards) {
      const r = results[c.id];
      const where = `${c.card} / ${c.state} (${c.locale})`;
      if (!r?.rendered) problems.push(`${where}: the renderer drew nothing`);
      const pickers = peoplePickerIds(c.json);
      for (const ev of r?.events ?? [])
        if (!isTeamsFalsePositive(ev, pickers))
          problems.push(`${where}: renderer: ${ev.event}: ${ev.message}${ev.sourceType ? ` (${ev.sourceType})` : ''}`);
    }

    // 2. axe-core, once over the whole page (it walks the whole document on every run), each finding traced to its card.
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const findings = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
        document: { querySelector(s: string): { closest(s: string): { getAttribute(a: string): string | null } | null } | null };
      };
      const result = await g.axe.run({ include: [['main']] }, { resultTypes: ['violations'] });
      return result.violations.flatMap((v) =>
        v.nodes.map((n) => ({
          rule: v.id,
          impact: v.impact ?? '',
          help: v.help,
          target: n.target.map(String).join(' '),
          summary: n.failureSummary ?? '',
          html: n.html,
          owner: g.document.querySelector(n.target.map(String).join(' '))?.closest('figure[data-id]')?.getAttribute('data-id') ?? '',
        })),
      );
    });
    const where = new Map<string, string>([
      ...cards.map((c) => [c.id, `${c.card} / ${c.state} (${c.locale})`] as const),
      ...posts.map((p) => [p.id, `channel post / ${p.state} (${p.locale})`] as const),
    ]);
    // One line per card, rule and kind of failure (e.g. the same two colours), with how many elements have it.
    const grouped = new Map<string, { line: string; count: number }>();
    for (const f of findings) {
      if (!FAILING.has(f.impact)) continue;
      if (AXE_EXCLUSIONS.some((x) => x.rule === f.rule && f.target.includes(x.selector))) continue;
      const summary = f.summary.split('\n').slice(1).join(' ').trim();
      const key = `${f.owner}|${f.rule}|${summary.replace(/\d+(\.\d+)?pt \(\d+px\)|font weight: \w+/g, '')}`;
      const seen = grouped.get(key);
      if (seen) seen.count += 1;
      else
        grouped.set(key, {
          line: `${where.get(f.owner) ?? 'page'}: axe ${f.impact} ${f.rule}: ${summary} – e.g. ${f.html.slice(0, 160)}`,
          count: 1,
        });
    }
    for (const { line, count } of grouped.values()) problems.push(count > 1 ? `${line} (${count} elements)` : line);
    console.log(`checked in the renderer and with axe-core in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // 3. Pictures: each card at desktop width and at phone width.
    for (const [dir, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: path.join(OUT, `page-${dir}.png`), fullPage: false });
      for (const c of cards) {
        await page.evaluate((id) => {
          const doc = (globalThis as unknown as { document: DocLike }).document;
          doc.querySelector('figure.shot')?.classList.remove('shot');
          doc.querySelector(`figure[data-id="${id}"]`)?.classList.add('shot');
          doc.body.classList.add('solo');
        }, c.id);
        await page
          .locator(`#${cssId(`slot-${c.id}`)}`)
          .screenshot({ path: path.join(OUT, dir, `${c.id}.png`), animations: 'disabled', caret: 'hide' });
      }
      await page.evaluate(() => (globalThis as unknown as { document: DocLike }).document.body.classList.remove('solo'));
    }

    const report = {
      policy: policy.id,
      cards: cards.map((c) => ({ id: c.id, bytes: c.bytes })),
      posts: posts.map((p) => ({ id: p.id, bytes: p.bytes })),
      limits: { card: MAX_CARD_BYTES, channelPost: MAX_CHANNEL_POST_BYTES },
      // Every axe finding, also the moderate and minor ones that do not fail the preview, counted by rule.
      axe: Object.fromEntries(
        [...new Set(findings.map((f) => `${f.impact} ${f.rule}`))].map((k) => [
          k,
          findings.filter((f) => `${f.impact} ${f.rule}` === k).length,
        ]),
      ),
      problems,
    };
    writeFileSync(path.join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    const largest = cards.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const largestPost = posts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(
      `preview: ${cards.length} cards (${new Set(cards.map((c) => c.card)).size} kinds), ${posts.length} channel posts, ${findings.length} axe findings of any impact, ` +
        `${cards.length * 2} PNGs in ${path.relative(ROOT, OUT)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(
      `largest card ${largest.id} ${largest.bytes} B (limit ${MAX_CARD_BYTES}); largest post ${largestPost.id} ${largestPost.bytes} B (limit ${MAX_CHANNEL_POST_BYTES})`,
    );
    console.log(`open ${path.relative(ROOT, pagePath)}`);
    if (problems.length) {
      console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
      return 1;
    }
    return 0;
  } finally {
    await browser.close();
  }
}

interface DocLike {
  querySelector(selector: string): { classList: { add(c: string): void; remove(c: string): void } } | null;
  body: { classList: { add(c: string): void; remove(c: string): void } };
}

function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (ch) => `\\${ch}`);
}

function adaptiveCardsVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('adaptivecards/package.json'), 'utf8')) as { version: string }).version;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
