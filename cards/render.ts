import type { Screen } from '../src/app/screens';
import { caseRef } from '../src/domain/drafts';
import type { Locale } from '../src/domain/i18n';
import { assessmentCard } from './assessment.card';
import type { CardContext } from './context';
import type { AdaptiveCard } from './elements';
import { checkInAnsweredCard, checkInCard, employeeCard } from './employee.card';
import { evidenceCaseCard, evidenceReceivedCard, evidenceTooManyCard } from './evidence.card';
import { exportCard, retentionCard } from './export.card';
import { intakeCard } from './intake.card';
import { messageCard } from './message.card';
import { myCasesCard } from './my-cases.card';
import { planCard } from './plan.card';
import { reminderCard } from './reminder.card';
import { setupCard } from './setup.card';
import { startCard } from './start.card';
import { statisticsCard } from './statistics.card';
import { t } from './texts';
import { warningCard } from './warning.card';
import { welcomeCard } from './welcome.card';

export type { CardContext } from './context';
export type { AdaptiveCard } from './elements';

/** The line Teams shows in the notification and activity feed for a card sent on its own (else "sent a card"). */
export function notificationText(screen: Screen, locale: Locale): string | undefined {
  switch (screen.kind) {
    case 'reminder':
      return t('reminderTitle', locale, { ref: caseRef(screen.caseId) });
    case 'retention':
      return t('retentionSummary', locale, { ref: caseRef(screen.caseId) });
    case 'checkIn':
      return t('checkInQuestion', locale);
    case 'checkInAnswered':
      return t('checkInAnsweredTitle', locale, { ref: caseRef(screen.caseId) });
    default:
      return undefined;
  }
}

/** Draws the screen the application chose as an Adaptive Card (version 1.5). */
export function renderCard(screen: Screen, ctx: CardContext): AdaptiveCard {
  switch (screen.kind) {
    case 'welcome':
      return welcomeCard(ctx);
    case 'start':
      return startCard(screen, ctx);
    case 'myCases':
      return myCasesCard(screen, ctx);
    case 'intake':
      return intakeCard(screen, ctx);
    case 'assessment':
      return assessmentCard(screen, ctx);
    case 'plan':
      return planCard(screen, ctx);
    case 'warning':
      return warningCard(screen, ctx);
    case 'message':
      return messageCard(screen, ctx);
    case 'setup':
      return setupCard(screen, ctx);
    case 'export':
      return exportCard(screen, ctx);
    case 'retention':
      return retentionCard(screen, ctx);
    case 'reminder':
      return reminderCard(screen, ctx);
    case 'evidenceCase':
      return evidenceCaseCard(screen, ctx);
    case 'evidenceReceived':
      return evidenceReceivedCard(screen, ctx);
    case 'evidenceTooMany':
      return evidenceTooManyCard(screen, ctx);
    case 'employee':
      return employeeCard(screen, ctx);
    case 'checkIn':
      return checkInCard(screen, ctx);
    case 'checkInAnswered':
      return checkInAnsweredCard(screen, ctx);
    case 'statistics':
      return statisticsCard(screen.model, ctx);
  }
}
