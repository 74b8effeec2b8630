import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import type { WarningCase } from '../src/domain/case';
import type { Draft } from '../src/domain/drafts';
import { type Locale, pick } from '../src/domain/i18n';
import { LIMITS } from '../src/domain/intake';
import { type WarningErrors, type WarningValues, warningValues } from '../src/domain/warning';
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
  fieldError,
  heading,
  noticeBanner,
  plain,
  text,
  toggle,
} from './elements';
import { FIELD_ERRORS, type TextKey, t } from './texts';

export interface WarningModel {
  readonly case: WarningCase;
  readonly department: Department;
  readonly values?: WarningValues;
  readonly errors?: WarningErrors;
  readonly draft?: Draft;
  readonly notice?: Notice;
}

const STATUS: Record<WarningCase['status'], TextKey> = {
  warning: 'statusWarning',
  recorded: 'statusRecorded',
  escalated: 'statusEscalated',
  closed: 'statusClosed',
};

function error(errors: WarningErrors | undefined, field: keyof WarningErrors, locale: Locale): Element[] {
  const code = errors?.[field];
  return code ? fieldError(pick(FIELD_ERRORS[code], locale)) : [];
}

/** Early warning: record it, take the suggested precautions, draft the journal note, escalate later without retyping. */
export function warningCard(m: WarningModel, ctx: CardContext): AdaptiveCard {
  const { locale, policy } = ctx;
  const c = m.case;
  const editable = c.status === 'warning' || c.status === 'recorded';
  const v = m.values ?? (c.warning ? warningValues(c.warning) : undefined);
  const taken = new Set(v?.taken ?? []);
  const data = caseData(c.id, c.rev);
  const inputs: Element[] = editable
    ? [
        {
          type: 'Input.ChoiceSet',
          id: 'employees',
          label: t('warningEmployees', locale),
          placeholder: t('employeesPlaceholder', locale),
          isMultiSelect: true,
          isRequired: true,
          errorMessage: pick(FIELD_ERRORS.required, locale),
          choices: m.department.members.map((p) => ({ title: p.name, value: p.id })),
          ...(v?.employees.length ? { value: v.employees.join(',') } : {}),
        },
        ...error(m.errors, 'employees', locale),
        {
          type: 'Input.Text',
          id: 'description',
          label: t('warningDescription', locale),
          isMultiline: true,
          isRequired: true,
          errorMessage: pick(FIELD_ERRORS.required, locale),
          maxLength: LIMITS.description,
          value: v?.description ?? '',
        },
        text(t('descriptionHelp', locale), { size: 'Small', isSubtle: true, spacing: 'None' }),
        ...error(m.errors, 'description', locale),
        {
          type: 'Input.Date',
          id: 'notedOn',
          label: t('notedOn', locale),
          isRequired: true,
          errorMessage: pick(FIELD_ERRORS.required, locale),
          max: ctx.today,
          value: v?.notedOn || ctx.today,
        },
        ...error(m.errors, 'notedOn', locale),
        text(t('warningIntro', locale), { spacing: 'Large' }),
        ...policy.warning.suggestions.map((s) => toggle(`s_${s.id}`, pick(s.text, locale), taken.has(s.id))),
      ]
    : [
        ...(c.warning ? [plain(c.warning.employees.map((e) => e.name).join(', '), { weight: 'Bolder' })] : []),
        ...policy.warning.suggestions
          .filter((s) => taken.has(s.id))
          .map((s) => text(`✔ ${pick(s.text, locale)}`, { size: 'Small', spacing: 'None' })),
      ];
  const draft: Element[] = m.draft
    ? [
        container(
          [
            text(`${t('draftFor', locale)}: ${m.draft.title}`, { weight: 'Bolder' }),
            text(t('draftHelp', locale), { size: 'Small', isSubtle: true }),
            plain(m.draft.body),
            actionSet([execute(t('hideDraft', locale), Verb.open, data, { associatedInputs: 'none' })]),
          ],
          { style: 'emphasis', separator: true },
        ),
      ]
    : [];
  const actions: Element[] = [];
  if (editable) actions.push(execute(t('saveWarning', locale), Verb.warningSubmit, data, { style: 'positive' }));
  if (c.status === 'recorded') {
    if (!m.draft) actions.push(execute(t('showJournal', locale), Verb.showDraft, data, { associatedInputs: 'none' }));
    actions.push(execute(t('escalate', locale), Verb.warningEscalate, data, { associatedInputs: 'none' }));
    actions.push(execute(t('closeWarning', locale), Verb.close, data, { associatedInputs: 'none' }));
  }
  if (!editable) actions.push(execute(t('myCases', locale), Verb.myCases, {}, { associatedInputs: 'none' }));
  return card(
    [
      ...noticeBanner(m.notice, locale),
      caseHeader(t('warningTitle', locale), c.id, m.department.name, t(STATUS[c.status], locale)),
      heading(t('newWarning', locale)),
      ...(c.status === 'recorded' && !m.notice ? [container([text(t('warningRecorded', locale))], { style: 'good' })] : []),
      ...draft,
      ...inputs,
    ],
    { actions },
  );
}
