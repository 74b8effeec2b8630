import type { Notice } from '../src/app/screens';
import { type Payload, Verb, type VerbName } from '../src/app/verbs';
import type { CardContext } from './context';
import { type AdaptiveCard, card, type Element, execute, noticeBanner } from './elements';
import { t } from './texts';

export interface MessageModel {
  readonly notice: Notice;
  readonly retry?: { readonly verb: VerbName; readonly data: Readonly<Record<string, unknown>> };
}

/** A refusal or a failure, with a way on: try again (with everything entered) or go back to start. */
export function messageCard(m: MessageModel, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const actions: Element[] = [];
  // A hostile payload must not make the card too big for Teams; then the manager starts the action again.
  if (m.retry && JSON.stringify(m.retry.data).length < 16_000)
    // The payload goes back exactly as it came, inputs included, so nothing typed is lost.
    actions.push(execute(t('retry', locale), m.retry.verb, { ...m.retry.data } as Payload<VerbName>, { style: 'positive' }));
  actions.push(execute(t('back', locale), Verb.start, {}, { associatedInputs: 'none' }));
  return card(noticeBanner(m.notice, locale), { actions });
}
