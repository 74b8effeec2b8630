import type { Department } from '../src/app/directory';
import type { Notice } from '../src/app/screens';
import type { TeamInfo } from '../src/app/team-directory';
import { Verb } from '../src/app/verbs';
import type { CardContext } from './context';
import { type AdaptiveCard, card, execute, heading, noticeBanner, text } from './elements';
import { NOTICES, t } from './texts';

export interface SetupModel {
  readonly team: TeamInfo;
  readonly current?: Department;
  readonly notice?: Notice;
}

/** Shown in a team when the app is added: names and ids only, never case details. */
export function setupCard(m: SetupModel, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const people = m.team.members.map((p) => ({ title: p.name, value: p.id }));
  const required = { isRequired: true, errorMessage: NOTICES.setupInvalid[locale] };
  return card(
    [
      ...noticeBanner(m.notice, locale),
      heading(t('setupTitle', locale)),
      text(t('setupIntro', locale), { isSubtle: true }),
      { type: 'Input.Text', id: 'name', label: t('setupName', locale), maxLength: 100, value: m.current?.name ?? m.team.name },
      {
        type: 'Input.ChoiceSet',
        id: 'channelId',
        label: t('setupChannel', locale),
        choices: m.team.channels.map((c) => ({ title: c.name, value: c.id })),
        ...(m.current?.channelId ? { value: m.current.channelId } : {}),
        ...required,
      },
      {
        type: 'Input.ChoiceSet',
        id: 'trId',
        label: t('setupTr', locale),
        choices: people,
        ...(m.current?.trId ? { value: m.current.trId } : {}),
        ...required,
      },
      {
        type: 'Input.ChoiceSet',
        id: 'amrId',
        label: t('setupAmr', locale),
        choices: people,
        ...(m.current?.amrId ? { value: m.current.amrId } : {}),
        ...required,
      },
      {
        type: 'Input.ChoiceSet',
        id: 'managerIds',
        label: t('setupManagers', locale),
        isMultiSelect: true,
        choices: people,
        ...(m.current?.managerIds.length ? { value: m.current.managerIds.join(',') } : {}),
        ...required,
      },
    ],
    { actions: [execute(t('setupSave', locale), Verb.setupSave, { teamId: m.team.id }, { style: 'positive' })] },
  );
}
