import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { CaseRepository } from '../app/case-repository';
import type { OwnerNotifier } from '../app/retention';
import type { View } from '../app/screens';

/** Sends a card to a user's 1:1 chat with the bot, from the conversation reference kept in their preferences. */
export class TeamsOwnerNotifier implements OwnerNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly cases: CaseRepository,
    private readonly render: (view: View) => { readonly card: Record<string, unknown>; readonly summary?: string },
  ) {}

  async notify(userId: string, view: View): Promise<boolean> {
    const reference = (await this.cases.prefs(userId)).reference as Partial<ConversationReference> | undefined;
    if (!reference?.conversation) return false;
    // A failed send does not reject here: the adapter hands it to onTurnError. So "sent" is only what got through.
    let sent = false;
    const { card, summary } = this.render(view);
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.sendActivity({ type: 'message', ...(summary ? { summary } : {}), attachments: [CardFactory.adaptiveCard(card)] });
      sent = true;
    });
    return sent;
  }
}
