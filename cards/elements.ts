import type { Notice } from '../src/app/screens';
import type { CaseRef, Payload, VerbName } from '../src/app/verbs';
import { caseRef } from '../src/domain/drafts';
import type { Locale } from '../src/domain/i18n';
import { NOTICES } from './texts';

/** Card JSON. Typed loosely on purpose: the schema test (tests/cards) is the real check. */
export type Element = Record<string, unknown>;
export type AdaptiveCard = Element & { type: 'AdaptiveCard'; version: '1.5' };

export interface CardOptions {
  readonly actions?: readonly Element[];
}

export function card(body: readonly Element[], options: CardOptions = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...body],
    ...(options.actions?.length ? { actions: [...options.actions] } : {}),
    msteams: { width: 'Full' },
  };
}

/** Our own texts: markdown is allowed. Never pass text a person typed here; use `plain`. */
export function text(value: string, options: Element = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/**
 * Text a person typed or that comes from the directory. A TextRun is not parsed as markdown,
 * so "[x](javascript:…)" or "**" shows as typed and can never become a link or formatting.
 */
export function plain(value: string, options: Element = {}): Element {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value, ...options }] };
}

/** Our label, then a person's text, on one line. */
export function labelled(label: string, value: string, options: Element = {}): Element {
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${label}: `, weight: 'Bolder', ...options },
      { type: 'TextRun', text: value, ...options },
    ],
  };
}

export function heading(value: string, size: 'Medium' | 'Large' = 'Large'): Element {
  return text(value, { size, weight: 'Bolder', style: 'heading' });
}

/** A button for a verb, with the payload its handler reads (src/app/verbs.ts). */
export function execute<V extends VerbName>(title: string, verb: V, data: Payload<V>, options: Element = {}): Element {
  return { type: 'Action.Execute', title, verb, data, ...options };
}

export function container(items: readonly Element[], options: Element = {}): Element {
  return { type: 'Container', items: [...items], ...options };
}

export function actionSet(actions: readonly Element[], options: Element = {}): Element {
  return { type: 'ActionSet', actions: [...actions], ...options };
}

export function toggle(id: string, title: string, value: boolean, options: Element = {}): Element {
  return { type: 'Input.Toggle', id, title, value: value ? 'true' : 'false', valueOn: 'true', valueOff: 'false', wrap: true, ...options };
}

export function fieldError(message: string | undefined): Element[] {
  return message ? [text(message, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

const toneStyle: Record<Notice['tone'], string> = { good: 'good', attention: 'attention', warning: 'warning', accent: 'accent' };

export function noticeBanner(n: Notice | undefined, locale: Locale): Element[] {
  if (!n) return [];
  return [container([text(NOTICES[n.code][locale], { weight: 'Bolder' })], { style: toneStyle[n.tone], bleed: true })];
}

/** "Sag OPB-1A2B3C4D" on the left, the step on the right, the department below. */
export function caseHeader(kindLabel: string, caseId: string, department: string, status: string): Element {
  return {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          text(`${kindLabel} ${caseRef(caseId)}`, { size: 'Small', weight: 'Bolder', color: 'Accent' }),
          plain(department, { size: 'Small', isSubtle: true }),
        ],
      },
      { type: 'Column', width: 'auto', items: [text(status, { size: 'Small', isSubtle: true })] },
    ],
  };
}

export function caseData(caseId: string, rev: number): CaseRef;
export function caseData<E extends object>(caseId: string, rev: number, extra: E): CaseRef & E;
export function caseData(caseId: string, rev: number, extra: object = {}): CaseRef {
  return { caseId, rev, ...extra };
}

/**
 * Content folded away behind a small button (Action.ToggleVisibility): the card stays short on a phone,
 * and nothing is sent to the bot when it opens.
 */
export function hidden(id: string, items: readonly Element[], label: string): Element[] {
  return [
    { type: 'Container', id, isVisible: false, items: [...items], spacing: 'Small' },
    actionSet([{ type: 'Action.ToggleVisibility', title: label, targetElements: [id] }], { spacing: 'Small' }),
  ];
}

/** A button that first asks; only "yes" sends the action (closing, deleting, cancelling). */
export function confirmAction<V extends VerbName>(title: string, question: string, yes: string, verb: V, data: Payload<V>): Element {
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body: [text(question)],
      actions: [execute(yes, verb, data, { associatedInputs: 'none', style: 'destructive' })],
    },
  };
}

/** Cut to `max` characters (not UTF-16 units) with "…": a card shows the start, the export or the details the whole. */
export function shorten(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}
