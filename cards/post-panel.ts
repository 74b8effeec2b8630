import { Verb } from '../src/app/verbs';
import type { IncidentCase } from '../src/domain/case';
import type { Draft } from '../src/domain/drafts';
import { pick } from '../src/domain/i18n';
import { isStale } from '../src/domain/meeting';
import { type GuardrailIssue, MESSAGE_LIMIT } from '../src/domain/support-message';
import type { CardContext } from './context';
import { actionSet, caseData, container, type Element, execute, plain, text, toggle } from './elements';
import { GRAPH_FAILURES, GUARDRAILS } from './graph-texts';
import { t } from './texts';

export interface PostPanelModel {
  readonly case: IncidentCase;
  /** The plan action (of kind channelPost) the message belongs to. */
  readonly actionId: string;
  readonly open: boolean;
  readonly draft?: Draft;
  readonly post?: { readonly issues: readonly GuardrailIssue[]; readonly preview: boolean };
}

/** The support message row: edit, check, preview and post – or its outcome. */
export function postPanel(m: PostPanelModel, ctx: CardContext): Element[] {
  const { locale } = ctx;
  const c = m.case;
  // A post cut off mid-way (an instance stopped) is treated as "we do not know": never re-sent blindly.
  const p =
    c.post?.status === 'posting' && isStale(c.post.since, ctx.now ?? new Date()) ? { ...c.post, status: 'unknown' as const } : c.post;
  const data = caseData(c.id, c.rev);
  const none = { associatedInputs: 'none' };
  const error = p?.error ? [text(`⚠ ${pick(GRAPH_FAILURES[p.error], locale)}`, { color: 'Attention', size: 'Small' })] : [];
  if (p?.status === 'posting')
    return [text(t('posting', locale), { size: 'Small' }), actionSet([execute(t('refresh', locale), Verb.open, data, none)])];
  if (p?.status === 'posted')
    return [
      text(t('postedAt', locale), { size: 'Small', weight: 'Bolder' }),
      ...(p.webUrl ? [actionSet([{ type: 'Action.OpenUrl', title: t('openPost', locale), url: p.webUrl }])] : []),
    ];
  const unknown = p?.status === 'unknown';
  if (!m.open)
    return [
      ...error,
      ...(unknown ? [container([text(t('postUnknown', locale), { size: 'Small' })], { style: 'warning' })] : []),
      actionSet([execute(t('writeMessage', locale), Verb.details, { ...data, actionId: m.actionId }, { ...none, style: 'positive' })]),
    ];
  const value = p?.text || m.draft?.body || '';
  const issues = m.post?.issues ?? [];
  const preview = m.post?.preview && !issues.length;
  const buttons: Element[] = [
    execute(t('preview', locale), Verb.postPreview, data),
    execute(t(unknown ? 'sendAgain' : 'sendPost', locale), Verb.postSend, data, { style: 'positive' }),
  ];
  if (unknown) buttons.push(execute(t('postIsThere', locale), Verb.postConfirm, data, none));
  return [
    ...error,
    ...(unknown ? [container([text(t('postUnknown', locale), { size: 'Small' })], { style: 'warning' })] : []),
    { type: 'Input.Text', id: 'postText', label: t('messageText', locale), isMultiline: true, maxLength: MESSAGE_LIMIT, value },
    toggle('postConsent', t('consent', locale), p?.consent ?? false),
    ...issues.map((i) => text(`⚠ ${pick(GUARDRAILS[i], locale)}`, { color: 'Attention', size: 'Small', spacing: 'Small' })),
    ...(preview
      ? [container([text(t('previewTitle', locale), { size: 'Small', isSubtle: true }), plain(value)], { style: 'emphasis' })]
      : []),
    actionSet(buttons),
  ];
}
