import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import type { IncidentCase } from '../src/domain/case';
import { type Locale, pick } from '../src/domain/i18n';
import { type IntakeErrors, type IntakeValues, LIMITS, PLATFORMS } from '../src/domain/intake';
import { PLATFORM_LABELS } from '../src/domain/platforms';
import type { CardContext } from './context';
import {
  type AdaptiveCard,
  card,
  caseData,
  caseHeader,
  type Element,
  execute,
  fieldError,
  heading,
  noticeBanner,
  plain,
  text,
  toggle,
} from './elements';
import { FIELD_ERRORS, t } from './texts';

export interface IntakeModel {
  readonly case: IncidentCase;
  readonly department: Department;
  readonly values?: IntakeValues;
  readonly errors?: IntakeErrors;
  readonly notice?: Notice;
}

function error(errors: IntakeErrors | undefined, field: keyof IntakeErrors, locale: Locale): Element[] {
  const code = errors?.[field];
  if (!code || field === 'badUrl') return [];
  const message = pick(FIELD_ERRORS[code as keyof typeof FIELD_ERRORS], locale);
  // The refused link is the person's own text: shown plain, so it can never render as a link.
  const bad = field === 'urls' && errors?.badUrl ? [plain(errors.badUrl, { size: 'Small', color: 'Attention' })] : [];
  return [...fieldError(message), ...bad];
}

/** Step 1: who, where, when, and the yes/no questions of the decision table. */
export function intakeCard(m: IntakeModel, ctx: CardContext): AdaptiveCard {
  const { locale, policy } = ctx;
  const c = m.case;
  const v = m.values;
  const employees = v?.employees ?? c.prefill?.employees.map((e) => e.id) ?? [];
  const present = new Set(v?.characteristics ?? []);
  const body: Element[] = [
    ...noticeBanner(m.notice, locale),
    caseHeader(t('caseTitle', locale), c.id, m.department.name, t('statusIntake', locale)),
    heading(t('intakeTitle', locale)),
    text(t('intakeIntro', locale), { isSubtle: true }),
    {
      type: 'Input.ChoiceSet',
      id: 'employees',
      label: t('employees', locale),
      placeholder: t('employeesPlaceholder', locale),
      isMultiSelect: true,
      isRequired: true,
      errorMessage: pick(FIELD_ERRORS.required, locale),
      choices: [
        ...m.department.members.map((p) => ({ title: p.name, value: p.id })),
        // People already chosen from the organisation stay chosen when the card is drawn again.
        ...(c.intake?.employees ?? [])
          .filter((e) => !m.department.members.some((p) => p.id === e.id))
          .map((e) => ({ title: e.name, value: e.id })),
      ],
      // In Teams the picker also finds colleagues outside the department (the Agents Playground has no picker).
      ...(ctx.peoplePicker ? { 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } } : {}),
      ...(employees.length ? { value: employees.join(',') } : {}),
    },
    ...error(m.errors, 'employees', locale),
    {
      type: 'Input.Text',
      id: 'urls',
      label: t('urls', locale),
      placeholder: 'https://',
      isMultiline: true,
      isRequired: true,
      errorMessage: pick(FIELD_ERRORS.required, locale),
      maxLength: (LIMITS.url + 1) * LIMITS.urls,
      value: v?.urls ?? '',
    },
    ...error(m.errors, 'urls', locale),
    {
      type: 'Input.ChoiceSet',
      id: 'platform',
      label: t('platform', locale),
      style: 'compact',
      isRequired: true,
      errorMessage: pick(FIELD_ERRORS.required, locale),
      choices: PLATFORMS.map((p) => ({ title: pick(PLATFORM_LABELS[p], locale), value: p })),
      value: v?.platform || 'facebook',
    },
    ...error(m.errors, 'platform', locale),
    {
      type: 'Input.Date',
      id: 'discoveredOn',
      label: t('discoveredOn', locale),
      isRequired: true,
      errorMessage: pick(FIELD_ERRORS.required, locale),
      max: ctx.today,
      value: v?.discoveredOn || ctx.today,
    },
    ...error(m.errors, 'discoveredOn', locale),
    {
      type: 'Input.Text',
      id: 'description',
      label: t('description', locale),
      isMultiline: true,
      isRequired: true,
      errorMessage: pick(FIELD_ERRORS.required, locale),
      maxLength: LIMITS.description,
      value: v?.description ?? c.prefill?.description ?? '',
    },
    text(t('descriptionHelp', locale), { size: 'Small', isSubtle: true, spacing: 'None' }),
    ...error(m.errors, 'description', locale),
    {
      type: 'Input.Text',
      id: 'posterName',
      label: t('posterName', locale),
      maxLength: LIMITS.posterName,
      value: v?.posterName ?? '',
    },
    ...error(m.errors, 'posterName', locale),
    {
      type: 'Input.Text',
      id: 'esdhRef',
      label: t('esdhRef', locale),
      maxLength: LIMITS.esdhRef,
      value: v?.esdhRef ?? '',
    },
    ...error(m.errors, 'esdhRef', locale),
    toggle('employeeContacted', t('employeeContacted', locale), v?.employeeContacted ?? false),
    toggle('evidenceSaved', t('evidenceSaved', locale), v?.evidenceSaved ?? false),
    heading(t('characteristicsTitle', locale), 'Medium'),
    text(t('characteristicsHelp', locale), { isSubtle: true, size: 'Small' }),
    ...policy.characteristics.map((ch) => toggle(`c_${ch.id}`, pick(ch.label, locale), present.has(ch.id))),
  ];
  return card(body, {
    actions: [execute(t('seeAssessment', locale), Verb.intakeSubmit, caseData(c.id, c.rev), { style: 'positive' })],
  });
}
