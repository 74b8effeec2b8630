import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { CardTarget, CardUpdater } from '../app/case-service';
import type { View } from '../app/screens';

/** Where the card that was clicked lives, so slow work can replace it in place later. */
export interface BotCardTarget extends CardTarget {
  readonly reference: Partial<ConversationReference>;
  readonly activityId: string;
}

/** Updates a card message proactively (Bot Connector PUT activity) once slow Graph work ends. */
export class TeamsCardUpdater implements CardUpdater {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly render: (view: View) => Record<string, unknown>,
  ) {}

  async update(target: CardTarget, view: View): Promise<void> {
    const t = target as BotCardTarget;
    const card = this.render(view);
    await this.adapter.continueConversationAsync(this.appId, t.reference, async (context) => {
      await context.updateActivity({ type: 'message', id: t.activityId, attachments: [CardFactory.adaptiveCard(card)] });
    });
  }
}
