import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import { actionDef } from '../src/domain/assessment';
import type { IncidentCase } from '../src/domain/case';
import { formatDate, joinNames } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import { basisShort, whoDue } from './action-lines';
import type { CardContext } from './context';
import {
  type AdaptiveCard,
  card,
  caseData,
  caseHeader,
  container,
  type Element,
  execute,
  heading,
  labelled,
  noticeBanner,
  text,
  toggle,
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
        ...intake.characteristics.map((id) => text(`✔ ${labels.get(id) ?? id}`, { size: 'Small', spacing: 'None' })),
      ]
    : [];
  const lines = proposal.flatMap((a) => {
    const def = actionDef(policy, a.actionId);
    if (!def) return [];
    return [
      container([toggle(`keep_${a.actionId}`, pick(def.title, locale), true), whoDue(a, def, ctx), basisShort(a, def, ctx)], {
        separator: true,
        spacing: 'Medium',
        ...(def.kind === 'emergency' ? { style: 'attention' } : {}),
      }),
    ];
  });
  const ruleIds = new Set(proposal.flatMap((a) => a.reasons));
  const reasons = policy.rules.filter((r) => ruleIds.has(r.id) && !('always' in r.when)).map((r) => `- ${pick(r.reason, locale)}`);
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
      ...(reasons.length ? [text(reasons.join('\n'), { size: 'Small' })] : []),
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
