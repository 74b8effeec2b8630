import { Verb } from '../src/app/verbs';
import type { CardContext } from './context';
import { type AdaptiveCard, card, execute, heading, text } from './elements';
import { t } from './texts';

/** Sent once when the app is installed: what the bot does, and one button to begin. */
export function welcomeCard(ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  return card(
    [
      heading(t('welcomeTitle', locale)),
      text(t('welcomeBody', locale)),
      text(t('welcomePrivacy', locale), { isSubtle: true, size: 'Small' }),
    ],
    { actions: [execute(t('getStarted', locale), Verb.start, {}, { style: 'positive' })] },
  );
}
