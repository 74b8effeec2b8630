import type { Intake } from './case';
import type { GraphFailure } from './meeting';
import { cleanText, skeleton } from './text';

export type PostStatus = 'draft' | 'posting' | 'posted' | 'unknown';

/** Management's support message to the department channel, and what happened to it. */
export interface PostState {
  readonly status: PostStatus;
  readonly text: string;
  readonly consent: boolean;
  /** The exact HTML sent, kept so an unknown outcome can be checked against the channel. */
  readonly html?: string;
  readonly messageId?: string;
  readonly webUrl?: string;
  readonly error?: GraphFailure;
  readonly since?: string;
}

export const MESSAGE_LIMIT = 4000;

/** Why a support message may not be posted yet. */
export type GuardrailIssue = 'empty' | 'tooLong' | 'containsUrl' | 'unsafeLink' | 'containsPosterName' | 'copiesDescription' | 'noConsent';

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.toLocaleLowerCase('da').match(WORD) ?? []).filter(Boolean);
}

/** Any run of `n` consecutive words the two texts share. */
function sharesRun(a: string, b: string, n: number): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.length < n || wb.length < n) return false;
  const runs = new Set<string>();
  for (let i = 0; i + n <= wb.length; i++) runs.add(wb.slice(i, i + n).join(' '));
  for (let i = 0; i + n <= wa.length; i++) if (runs.has(wa.slice(i, i + n).join(' '))) return true;
  return false;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLocaleLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The message goes to the whole department, so it must not spread what it answers:
 * no link to the publication, no poster, nothing copied from the internal description,
 * and the employee must have seen and agreed to it (their wish decides).
 */
export function checkSupportMessage(text: string, consent: boolean, intake: Intake): GuardrailIssue[] {
  const issues: GuardrailIssue[] = [];
  const body = cleanText(text);
  // Compared as read: a zero-width character inside "face​book.com" must not hide the link.
  const lower = skeleton(body).replace(/\s/g, '');
  if (!body) issues.push('empty');
  if ([...body].length > MESSAGE_LIMIT) issues.push('tooLong');
  const hosts = intake.urls.map(hostOf).filter((h): h is string => Boolean(h));
  const urlish = intake.urls.some((u) => lower.includes(u.toLocaleLowerCase())) || hosts.some((h) => lower.includes(h));
  if (urlish) issues.push('containsUrl');
  if (/(javascript|data|vbscript|file):/.test(lower)) issues.push('unsafeLink');
  const poster = intake.posterName ? skeleton(intake.posterName).replace(/\s/g, '') : '';
  if (poster.length >= 3 && lower.includes(poster)) issues.push('containsPosterName');
  if (intake.description && sharesRun(body, intake.description, 5)) issues.push('copiesDescription');
  if (!consent) issues.push('noConsent');
  return issues;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every character the manager typed is escaped; only our own <p> and <br> are markup. */
export function toChannelHtml(text: string): string {
  const escaped = cleanText(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
  return escaped
    .split(/\n{2,}/)
    .map((para) => `<p>${para.split('\n').join('<br>')}</p>`)
    .join('');
}
