import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import { actionDef, byUrgency } from '../src/domain/assessment';
import type { IncidentCase } from '../src/domain/case';
import { formatDate, joinNames } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import { discoveredLongAgo } from '../src/domain/intake';
import { basisShort, dueLine, groupHeading } from './action-lines';
import type { CardContext } from './context';
import {
  type AdaptiveCard,
  actionSet,
  card,
  caseData,
  caseHeader,
  container,
  type Element,
  execute,
  heading,
  hidden,
  labelled,
  noticeBanner,
  text,
} from './elements';
import { emergencyBanner } from './emergency';
import { t } from './texts';

export interface AssessmentModel {
  readonly case: IncidentCase;
  readonly department: Department;
  readonly notice?: Notice;
}

/** Step 2: what the policy recommends and why; the manager keeps, drops or adds actions. */
export function assessmentCard(m: AssessmentModel, ctx: CardContext): AdaptiveCard {
  const { locale, policy } = ctx;
  const c = m.case;
  const intake = c.intake;
  const proposal = c.proposal ?? [];
  const labels = new Map(policy.characteristics.map((ch) => [ch.id, pick(ch.short ?? ch.label, locale)]));
  const ruleIds = new Set(proposal.flatMap((a) => a.reasons));
  const reasons = policy.rules.filter((r) => ruleIds.has(r.id) && !('always' in r.when)).map((r) => `- ${pick(r.reason, locale)}`);
  const summary: Element[] = intake
    ? [
        labelled(
          t('employees', locale),
          joinNames(
            intake.employees.map((e) => e.name),
            locale,
          ),
        ),
        labelled(t('discoveredOn', locale), formatDate(intake.discoveredOn, locale)),
        ...(intake.characteristics.length
          ? [text(intake.characteristics.map((id) => `✔ ${labels.get(id) ?? id}`).join('\n\n'), { size: 'Small', spacing: 'Small' })]
          : []),
        ...(reasons.length ? hidden('reasons', [text(reasons.join('\n'), { size: 'Small' })], t('reasonsToggle', locale)) : []),
      ]
    : [];
  const longAgo =
    intake && discoveredLongAgo(intake.discoveredOn, ctx.today)
      ? [
          container([text(`⚠ ${t('longAgoTitle', locale)}`, { weight: 'Bolder' }), text(t('longAgoBody', locale), { size: 'Small' })], {
            style: 'warning',
          }),
        ]
      : [];
  // Grouped by when, most urgent first. Who, why and the legal basis are folded away, one button per group
  // (a 28 KB card holds about thirty actions only this way); caveats and legal texts are on the plan's details.
  const lines = byUrgency(policy, proposal).flatMap((g) => {
    const folded: string[] = [];
    const rows = g.actions.flatMap((a) => {
      const def = actionDef(policy, a.actionId);
      if (!def) return [];
      folded.push(`d_${a.actionId}`);
      return [
        container(
          [
            // valueOn/valueOff are left at their defaults ("true"/"false") to keep the card small.
            { type: 'Input.Toggle', id: `keep_${a.actionId}`, title: pick(def.title, locale), value: 'true', wrap: true },
            dueLine(a, def, ctx),
            { ...basisShort(a, def, ctx), id: `d_${a.actionId}`, isVisible: false },
          ],
          { separator: true, ...(def.kind === 'emergency' ? { style: 'attention' } : {}) },
        ),
      ];
    });
    return [
      groupHeading(g.urgency, rows.length, ctx),
      ...rows,
      actionSet([{ type: 'Action.ToggleVisibility', title: t('groupDetails', locale), targetElements: folded }], { spacing: 'Small' }),
    ];
  });
  const proposed = new Set(proposal.map((a) => a.actionId));
  const others = policy.actions.filter((a) => !proposed.has(a.id));
  const addPicker: Element[] = others.length
    ? [
        {
          type: 'Input.ChoiceSet',
          id: 'add',
          label: t('addActions', locale),
          placeholder: t('addActionsPlaceholder', locale),
          isMultiSelect: true,
          choices: others.map((a) => ({ title: pick(a.title, locale), value: a.id })),
        },
      ]
    : [];
  return card(
    [
      ...noticeBanner(m.notice, locale),
      ...emergencyBanner(proposal, intake?.characteristics ?? [], ctx),
      caseHeader(t('caseTitle', locale), c.id, m.department.name, t('statusAssessment', locale)),
      heading(t('assessmentTitle', locale)),
      ...summary,
      ...longAgo,
      text(t('assessmentIntro', locale), { isSubtle: true }),
      ...lines,
      ...addPicker,
    ],
    {
      actions: [
        execute(t('confirmPlan', locale), Verb.assessmentConfirm, caseData(c.id, c.rev), { style: 'positive' }),
        execute(t('editIntake', locale), Verb.assessmentEdit, caseData(c.id, c.rev), { associatedInputs: 'none' }),
      ],
    },
  );
}
