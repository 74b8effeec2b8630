import type { Locale } from '../src/domain/i18n';
import type { Policy } from '../src/domain/policy';

/** What every card needs besides its screen. */
export interface CardContext {
  readonly locale: Locale;
  readonly policy: Policy;
  /** Today in Denmark, for deadlines that are due or overdue. */
  readonly today: string;
  /** The current instant, for meeting times; defaults to the start of `today`. */
  readonly now?: Date;
  /** True when meetings and the support message go through Microsoft Graph. */
  readonly graph?: boolean;
  /** True in real Teams (SSO): the employee picker also searches the whole organisation. */
  readonly peoplePicker?: boolean;
  /** The bot's app id, for the Teams deep link to its chat (the employee's follow-up); absent in local mode. */
  readonly botId?: string;
}
