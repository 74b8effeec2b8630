/**
 * The pure half of `npm run preview` (no browser): every card the bot can send is in the catalogue, in every state
 * that matters, in both languages, and within Teams' and Graph's size limits. The browser half (renderer, axe-core,
 * pictures) runs in `npm run preview`.
 */
import {
  LOCALES,
  MAX_CARD_BYTES,
  MAX_CHANNEL_POST_BYTES,
  type PreviewCard,
  previewCards,
  previewPosts,
  sizeProblems,
} from '../../dev/preview/catalogue';
import { markdownToHtml } from '../../dev/preview/in-page';
import { CARD_FILES, previewPage } from '../../dev/preview/page';
import { previewStates } from '../../dev/preview/states';
import type { Screen } from '../../src/app/screens';
import type { MeetingStatus } from '../../src/domain/meeting';
import type { PostStatus } from '../../src/domain/support-message';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
const states = previewStates(policy);
const cards = previewCards(policy, states);
const posts = previewPosts(policy);

// Typed as records so a new screen kind, meeting status or post status fails to compile until the preview shows it.
const CARDS: Record<Screen['kind'], true> = {
  welcome: true,
  start: true,
  myCases: true,
  intake: true,
  assessment: true,
  plan: true,
  warning: true,
  message: true,
  setup: true,
  export: true,
  retention: true,
  reminder: true,
  evidenceCase: true,
  evidenceReceived: true,
  evidenceTooMany: true,
  employee: true,
  checkIn: true,
  checkInAnswered: true,
  statistics: true,
};
const MEETING: Record<Exclude<MeetingStatus, 'idle'>, true> = {
  searching: true,
  choosing: true,
  booking: true,
  booked: true,
  unknown: true,
  cancelled: true,
};
const POST: Record<PostStatus, true> = { draft: true, posting: true, posted: true, unknown: true };

it('draws every card the bot can send, each state in Danish and English', () => {
  expect(new Set(cards.map((c) => c.card))).toEqual(new Set(Object.keys(CARDS)));
  expect(Object.keys(CARD_FILES).sort()).toEqual(Object.keys(CARDS).sort());
  for (const s of states) {
    const drawn = cards.filter((c) => c.card === s.card && c.state === s.state);
    expect(drawn.map((c) => c.locale).sort()).toEqual([...LOCALES].sort());
  }
  expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  for (const c of cards) expect(c.id).toMatch(/^[a-zA-Z]+--[a-z0-9-]+--(da|en)$/);
});

it('shows the states a lawyer or translator must read', () => {
  const of = (card: Screen['kind']) => states.filter((s) => s.card === card).map((s) => s.state);
  expect(of('intake')).toEqual(expect.arrayContaining(['new case', 'with errors', 'from an early warning']));
  expect(of('assessment')).toEqual(
    expect.arrayContaining(['imminent danger', 'direct threat from an anonymous poster', 'every characteristic']),
  );
  expect(of('warning')).toEqual(expect.arrayContaining(['new', 'with errors', 'recorded', 'journal note opened']));
  for (const card of ['reminder', 'retention', 'export', 'setup', 'myCases', 'start', 'welcome'] as const)
    expect(of(card).length).toBeGreaterThan(0);

  const plans = states.flatMap((s) => (s.screen.kind === 'plan' ? [s.screen] : []));
  const meeting = new Set(plans.map((p) => p.case.meeting?.status).filter(Boolean));
  expect(meeting).toEqual(new Set(Object.keys(MEETING)));
  const post = new Set(plans.map((p) => p.case.post?.status).filter(Boolean));
  expect(post).toEqual(new Set(Object.keys(POST)));
  expect(plans.some((p) => p.post?.issues.length)).toBe(true);
  expect(plans.some((p) => p.post?.preview)).toBe(true);
  expect(plans.some((p) => p.case.status === 'closed')).toBe(true);
});

it('puts imminent danger in red at the top of the assessment', () => {
  const danger = cards.find((c) => c.card === 'assessment' && c.state === 'imminent danger' && c.locale === 'da');
  const first = (danger?.json.body as { style?: string }[] | undefined)?.[0];
  expect(first?.style).toBe('attention');
});

it('keeps every card under the bot message limit and every channel post under Graph’s', () => {
  expect(sizeProblems(cards, posts)).toEqual([]);
  expect(Math.max(...cards.map((c) => c.bytes))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(posts.map((p) => p.state)).toEqual(expect.arrayContaining(["the policy's draft", 'the largest message allowed']));
  expect(Math.max(...posts.map((p) => p.bytes))).toBeLessThanOrEqual(MAX_CHANNEL_POST_BYTES);
});

it('names the card, state and language that is too big', () => {
  const big: PreviewCard = { id: 'plan--huge--en', card: 'plan', state: 'huge', locale: 'en', json: {}, bytes: MAX_CARD_BYTES + 1 };
  const post = { id: 'channel-post--huge--da', state: 'huge', locale: 'da' as const, html: '', bytes: MAX_CHANNEL_POST_BYTES + 1 };
  expect(sizeProblems([big], [post])).toEqual([
    `plan / huge (en): the card is ${MAX_CARD_BYTES + 1} bytes, over the bot message limit of ${MAX_CARD_BYTES}`,
    `channel post / huge (da): ${MAX_CHANNEL_POST_BYTES + 1} bytes, over Graph's limit of ${MAX_CHANNEL_POST_BYTES}`,
  ]);
});

it('renders the markdown Teams renders, escaping everything else', () => {
  expect(markdownToHtml('**Ring 112** nu\n\n- a <b>\n- [x](https://politi.dk)')).toBe(
    '<p><strong>Ring 112</strong> nu</p><ul><li>a &lt;b&gt;</li><li><a href="https://politi.dk" target="_blank" rel="noopener">x</a></li></ul>',
  );
  expect(markdownToHtml('[x](javascript:alert(1))')).not.toContain('<a');
});

it('builds one page with a slot per card and nothing that can close its script early', () => {
  const hostile = {
    ...cards[0],
    id: 'welcome--x--da',
    json: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '</script><script>alert(1)</script>' }] },
  } as PreviewCard;
  const html = previewPage({
    title: 'T',
    subtitle: 'S',
    cards: [...cards, hostile],
    posts,
    adaptiveCardsJs: '/* ac */',
    adaptiveCardsCss: '',
  });
  for (const c of cards) expect(html).toContain(`id="slot-${c.id}"`);
  expect(html).not.toContain('</script><script>alert(1)');
  expect(html.match(/<h2>/g)?.length).toBe(Object.keys(CARDS).length + 1);
});
