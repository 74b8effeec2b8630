import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import type { CardContext } from './context';
import { type AdaptiveCard, card, container, type Element, execute, heading, noticeBanner, text } from './elements';
import { t } from './texts';

export interface StartModel {
  readonly startId: string;
  readonly departments: readonly Department[];
  readonly notice?: Notice;
}

/** The three ways in: register a case, record an early warning, or see my cases. */
export function startCard(m: StartModel, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const several = m.departments.length > 1;
  const departmentPicker: Element[] = several
    ? [
        {
          type: 'Input.ChoiceSet',
          id: 'departmentId',
          label: t('department', locale),
          value: m.departments[0]?.id,
          choices: m.departments.map((d) => ({ title: d.name, value: d.id })),
          isRequired: true,
          errorMessage: t('department', locale),
        },
      ]
    : [];
  const data = { startId: m.startId, ...(several ? {} : { departmentId: m.departments[0]?.id }) };
  const choice = (title: string, help: string, verb: typeof Verb.newIncident | typeof Verb.newWarning, style?: string) =>
    container([
      text(help, { size: 'Small', isSubtle: true }),
      { type: 'ActionSet', actions: [execute(title, verb, data, style ? { style } : {})] },
    ]);
  return card(
    [
      ...noticeBanner(m.notice, locale),
      heading(t('startTitle', locale)),
      text(t('startBody', locale)),
      ...departmentPicker,
      choice(t('newIncident', locale), t('newIncidentHelp', locale), Verb.newIncident, 'positive'),
      choice(t('newWarning', locale), t('newWarningHelp', locale), Verb.newWarning),
    ],
    {
      actions: [
        execute(t('myCases', locale), Verb.myCases, {}, { associatedInputs: 'none' }),
        execute(t('statistics', locale), Verb.statistics, {}, { associatedInputs: 'none' }),
        execute(t('switchLanguage', locale), Verb.language, { locale: locale === 'da' ? 'en' : 'da' }, { associatedInputs: 'none' }),
      ],
    },
  );
}
