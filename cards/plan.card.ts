import { FOLLOW_UP_PANEL } from '../src/app/actions/follow-up';
import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import { actionDef, byUrgency } from '../src/domain/assessment';
import type { IncidentCase, PlannedAction } from '../src/domain/case';
import { danishDate } from '../src/domain/dates';
import type { Draft } from '../src/domain/drafts';
import { formatDate } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import { LIMITS } from '../src/domain/intake';
import type { ActionDef } from '../src/domain/policy';
import type { GuardrailIssue } from '../src/domain/support-message';
import { basisFull, groupHeading, whoDue } from './action-lines';
import type { CardContext } from './context';
import {
  type AdaptiveCard,
  actionSet,
  card,
  caseData,
  caseHeader,
  confirmAction,
  container,
  type Element,
  execute,
  heading,
  noticeBanner,
  plain,
  shorten,
  text,
} from './elements';
import { emergencyBanner } from './emergency';
import { captureRows, packButton, packForm } from './evidence-actions';
import { evidenceSection } from './evidence-section';
import { followUpPanel } from './follow-up-panel';
import { meetingPanel } from './meeting-panel';
import { postPanel } from './post-panel';
import { t } from './texts';

export interface PlanModel {
  readonly case: IncidentCase;
  readonly department: Department;
  readonly expanded?: { readonly actionId: string; readonly draft?: Draft };
  readonly evidence?: true;
  readonly post?: { readonly issues: readonly GuardrailIssue[]; readonly preview: boolean };
  readonly notice?: Notice;
}

/** The opened action: why, the legal texts, the draft, and the "done" form with an optional reference. */
function details(a: PlannedAction, def: ActionDef, m: PlanModel, ctx: CardContext): Element[] {
  const { locale } = ctx;
  const c = m.case;
  const data = caseData(c.id, c.rev, { actionId: a.actionId });
  const draft = m.expanded?.draft;
  const items: Element[] = [...basisFull(a, def, ctx)];
  const viaGraph = graphDriven(a, def, c, ctx);
  const settle = c.status !== 'closed' && a.status === 'open';
  if (viaGraph && def.kind === 'channelPost') {
    items.push(
      ...postPanel({ case: c, actionId: a.actionId, open: true, ...(draft ? { draft } : {}), ...(m.post ? { post: m.post } : {}) }, ctx),
    );
    const buttons: Element[] = [];
    // The employee may not want a message at all: then the manager settles it as not relevant, with the reason.
    if (settle && c.post?.status !== 'posted') {
      items.push(referenceInput(a, locale));
      buttons.push(execute(t('markNotRelevant', locale), Verb.actionNotRelevant, data));
    }
    buttons.push(execute(t('closeDetails', locale), Verb.open, caseData(c.id, c.rev), { associatedInputs: 'none' }));
    items.push(actionSet(buttons));
    return [container(items, { spacing: 'Small' })];
  }
  if (!ctx.graph && def.kind === 'meeting') items.push(text(t('meetingPending', locale), { size: 'Small', isSubtle: true }));
  if (!ctx.graph && def.kind === 'channelPost') items.push(text(t('postPending', locale), { size: 'Small', isSubtle: true }));
  if (draft)
    items.push(
      container(
        [
          text(`${t('draftFor', locale)}: ${draft.title}`, { weight: 'Bolder' }),
          text(t('draftHelp', locale), { size: 'Small', isSubtle: true }),
          plain(draft.body),
        ],
        {
          style: 'emphasis',
        },
      ),
    );
  const buttons: Element[] = [];
  if (settle) {
    items.push(referenceInput(a, locale));
    buttons.push(execute(t('markDone', locale), Verb.actionDone, data, { style: 'positive' }));
    buttons.push(execute(t('markNotRelevant', locale), Verb.actionNotRelevant, data));
  }
  buttons.push(execute(t('closeDetails', locale), Verb.open, caseData(c.id, c.rev), { associatedInputs: 'none' }));
  items.push(actionSet(buttons));
  return [container(items, { spacing: 'Small' })];
}

/** The meeting and the message go through Graph while the case is open, unless the manager settled them as not relevant. */
function graphDriven(a: PlannedAction, def: ActionDef, c: IncidentCase, ctx: CardContext): boolean {
  return Boolean(ctx.graph) && c.status !== 'closed' && !a.notRelevant && (def.kind === 'meeting' || def.kind === 'channelPost');
}

function referenceInput(a: PlannedAction, locale: CardContext['locale']): Element {
  return {
    type: 'Input.Text',
    id: `ref_${a.actionId}`,
    label: t('referenceOrReason', locale),
    placeholder: t('referencePlaceholder', locale),
    maxLength: LIMITS.reference,
  };
}

/** A done action's reference on the folded plan: enough for a journal number or a short reason. */
const REFERENCE_SHOWN = 100;

function row(a: PlannedAction, m: PlanModel, ctx: CardContext): Element[] {
  const def = actionDef(ctx.policy, a.actionId);
  if (!def) return [];
  const { locale } = ctx;
  const c = m.case;
  const done = a.status === 'done';
  const open = m.expanded?.actionId === a.actionId;
  const mark = a.notRelevant ? '➖' : done ? '✅' : '⬜';
  const items: Element[] = [text(`${mark} **${pick(def.title, locale)}**`, done ? { isSubtle: true } : {})];
  // While one action is open, the others shrink to their titles: the open draft and its legal texts need the
  // room (28 KB), and "Luk detaljer" brings the full list back. The Graph panels keep working throughout.
  if ((m.expanded || m.evidence) && !open && !graphDriven(a, def, c, ctx)) return [container(items, { separator: true })];
  if (done) {
    const on = a.doneAt ? formatDate(danishDate(new Date(a.doneAt)), locale) : '';
    items.push(
      text(t(a.notRelevant ? 'notRelevantOn' : 'doneOn', locale, { date: on }), { size: 'Small', isSubtle: true, spacing: 'None' }),
    );
    // Folded, the start of a long reference (the card is near 28 KB with every action done); "Detaljer" shows it whole.
    if (a.reference) items.push(plain(open ? a.reference : shorten(a.reference, REFERENCE_SHOWN), { size: 'Small', isSubtle: true }));
  } else items.push(whoDue(a, def, ctx));
  const viaGraph = graphDriven(a, def, c, ctx);
  if (viaGraph && def.kind === 'meeting') items.push(...meetingPanel(c, ctx, ctx.now ?? new Date(`${ctx.today}T08:00:00Z`)));
  if (open) items.push(...details(a, def, m, ctx));
  else if (viaGraph && def.kind === 'channelPost') items.push(...postPanel({ case: c, actionId: a.actionId, open: false }, ctx));
  else if (c.status !== 'closed') {
    const data = caseData(c.id, c.rev, { actionId: a.actionId });
    const buttons = [execute(t(def.draft ? 'showDraft' : 'details', locale), Verb.details, data, { associatedInputs: 'none' })];
    // An open Graph meeting is found and booked in its panel; "details" still lets the manager settle it otherwise.
    if (done) buttons.push(execute(t('reopen', locale), Verb.actionReopen, data, { associatedInputs: 'none' }));
    else if (!(viaGraph && def.kind === 'meeting'))
      buttons.push(execute(t('markDoneQuick', locale), Verb.actionDone, data, { associatedInputs: 'none' }));
    items.push(actionSet(buttons, { spacing: 'Small' }));
  }
  const urgent = def.kind === 'emergency' && !done;
  return [container(items, { separator: true, ...(urgent ? { style: 'attention' } : open ? { style: 'emphasis' } : {}) })];
}

/** Step 3: the confirmed plan as a checklist on one card, updated in place. */
export function planCard(m: PlanModel, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const c = m.case;
  const plan = c.plan ?? [];
  const settled = plan.filter((a) => a.status === 'done').length;
  const skipped = plan.filter((a) => a.notRelevant).length;
  const done = settled - skipped;
  const closed = c.status === 'closed';
  // In a green box rather than green text: Teams' green text on white is too faint to read (npm run preview, axe).
  const status: Element[] = closed
    ? [container([text(t('caseClosed', locale), { weight: 'Bolder' })], { style: 'good' })]
    : settled === plan.length && plan.length
      ? [container([text(t('allDone', locale))], { style: 'good' })]
      : [];
  const myCases = execute(t('myCases', locale), Verb.myCases, {}, { associatedInputs: 'none' });
  const exportAction = execute(t('exportCase', locale), Verb.exportCase, { caseId: c.id }, { associatedInputs: 'none' });
  const deleteAction = confirmAction(
    t('deleteCase', locale),
    t('deleteConfirm', locale),
    t('deleteYes', locale),
    Verb.deleteCase,
    caseData(c.id, c.rev),
  );
  return card(
    [
      ...noticeBanner(m.notice, locale),
      ...(closed ? [] : emergencyBanner(plan, c.intake?.characteristics ?? [], ctx)),
      caseHeader(t('caseTitle', locale), c.id, m.department.name, t(closed ? 'statusClosed' : 'statusPlan', locale)),
      heading(t('planTitle', locale)),
      text(
        t(skipped === 1 ? 'progressNotRelevantOne' : skipped ? 'progressNotRelevant' : 'progress', locale, {
          done,
          skipped,
          total: plan.length,
        }),
        {
          isSubtle: true,
          spacing: 'None',
        },
      ),
      ...status,
      ...byUrgency(ctx.policy, plan).flatMap((g) => [
        groupHeading(g.urgency, g.actions.length, ctx),
        ...g.actions.flatMap((a) => row(a, m, ctx)),
      ]),
      // The list and "Gem siden nu" only when opened (the actions shrink meanwhile): a full plan alone comes near 28 KB.
      ...(m.evidence
        ? evidenceSection(c, ctx, { open: true, rows: captureRows(c, ctx), after: packForm(c, ctx) })
        : evidenceSection(c, ctx, { actions: [packButton(c, ctx)] })),
      ...followUpPanel(c, ctx, m.expanded?.actionId === FOLLOW_UP_PANEL),
    ],
    {
      actions: closed
        ? [myCases, exportAction, deleteAction]
        : [
            myCases,
            exportAction,
            confirmAction(t('closeCase', locale), t('closeConfirm', locale), t('closeYes', locale), Verb.close, caseData(c.id, c.rev)),
            deleteAction,
          ],
    },
  );
}
