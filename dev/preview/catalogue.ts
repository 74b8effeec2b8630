import { renderCard } from '../../cards/render';
import type { Screen } from '../../src/app/screens';
import { renderIncidentDraft } from '../../src/domain/drafts';
import type { Locale } from '../../src/domain/i18n';
import type { Policy } from '../../src/domain/policy';
import { checkSupportMessage, MESSAGE_LIMIT, toChannelHtml } from '../../src/domain/support-message';
import { channelMessage } from '../../src/graph/graph-gateway';
import { department, PREVIEW_NOW, type PreviewState, previewContext, previewStates } from './states';

/** A bot message (the activity with its card) may be about 80 KB; Teams refuses bigger ones. */
export const MAX_CARD_BYTES = 80 * 1024;
/** Graph refuses a channel message over about 28 KB. */
export const MAX_CHANNEL_POST_BYTES = 28 * 1024;

export const LOCALES: readonly Locale[] = ['da', 'en'];

export interface PreviewCard {
  /** Unique and file-name safe: card, state and language. */
  readonly id: string;
  readonly card: Screen['kind'];
  readonly state: string;
  readonly locale: Locale;
  readonly json: Record<string, unknown>;
  readonly bytes: number;
}

export interface PreviewPost {
  readonly id: string;
  readonly state: string;
  readonly locale: Locale;
  /** The HTML the channel shows. */
  readonly html: string;
  /** The size of the request body Graph receives. */
  readonly bytes: number;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Every card in every state and language, drawn by cards/render.ts exactly as the bot sends it. */
export function previewCards(policy: Policy, states: readonly PreviewState[] = previewStates(policy)): PreviewCard[] {
  const out: PreviewCard[] = [];
  const ids = new Set<string>();
  for (const s of states)
    for (const locale of LOCALES) {
      let json: Record<string, unknown>;
      try {
        json = renderCard(s.screen, previewContext(policy, locale, s));
      } catch (e) {
        throw new Error(`${s.card} / ${s.state} (${locale}): the card could not be drawn: ${(e as Error).message}`);
      }
      let id = `${s.card}--${slug(s.state)}--${locale}`;
      for (let n = 2; ids.has(id); n++) id = `${s.card}--${slug(s.state)}-${n}--${locale}`;
      ids.add(id);
      out.push({ id, card: s.card, state: s.state, locale, json, bytes: bytesOf(json) });
    }
  return out;
}

/**
 * The support message as Graph receives it: the policy's draft as the manager gets it, and the largest message the
 * card lets through (every character one that HTML-escaping makes six bytes long).
 */
export function previewPosts(policy: Policy): PreviewPost[] {
  const out: PreviewPost[] = [];
  const plan = previewStates(policy).find((s) => s.screen.kind === 'plan' && s.screen.case.intake);
  const c = plan?.screen.kind === 'plan' ? plan.screen.case : undefined;
  const def = policy.actions.find((a) => a.kind === 'channelPost');
  for (const locale of LOCALES) {
    const today = PREVIEW_NOW.toISOString().slice(0, 10);
    const draft =
      c && def?.draft
        ? renderIncidentDraft(policy, def.draft, c, { locale, manager: 'Mette Holm', department: department.name, today })
        : undefined;
    if (draft) out.push(post(`the policy's draft`, locale, draft.body));
  }
  const largest = '"'.repeat(MESSAGE_LIMIT);
  if (c?.intake && checkSupportMessage(largest, true, c.intake).length === 0) out.push(post('the largest message allowed', 'da', largest));
  return out;
}

function post(state: string, locale: Locale, text: string): PreviewPost {
  const html = toChannelHtml(text);
  return { id: `channel-post--${slug(state)}--${locale}`, state, locale, html, bytes: bytesOf(channelMessage(html)) };
}

/** Each card or post over its limit, named so the reader knows which one to shorten. */
export function sizeProblems(cards: readonly PreviewCard[], posts: readonly PreviewPost[]): string[] {
  const problems: string[] = [];
  for (const c of cards)
    if (c.bytes > MAX_CARD_BYTES)
      problems.push(`${c.card} / ${c.state} (${c.locale}): the card is ${c.bytes} bytes, over the bot message limit of ${MAX_CARD_BYTES}`);
  for (const p of posts)
    if (p.bytes > MAX_CHANNEL_POST_BYTES)
      problems.push(`channel post / ${p.state} (${p.locale}): ${p.bytes} bytes, over Graph's limit of ${MAX_CHANNEL_POST_BYTES}`);
  return problems;
}
