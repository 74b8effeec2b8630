import type { Actor, CaseService } from '../app/case-service';
import type { View } from '../app/screens';

/** "mine sager" / "my cases" opens the list; anything else opens the start card. */
const MY_CASES = /\b(mine\s+sager|my\s+cases)\b/i;
/** "statistik" / "statistics" shows the statistics (who sees what is decided by the service, not here). */
const STATISTICS = /^\s*(statistik|statistics)\b/i;

/** An employee who is also a manager asks for their own follow-up. */
const FOLLOW_UP = /\b(opf(ø|oe)lgning|follow-?up)\b/i;

/** An employee with a follow-up says stop: the whole message is the word. */
const STOP = /^\s*(stop|stopp|afmeld|unsubscribe)\s*[.!]?\s*$/i;

/** What a message typed in the 1:1 chat shows: statistics, the manager's cases, an employee's follow-up, or the start card. */
export async function typed(service: CaseService, actor: Actor, message: string): Promise<View> {
  const text = message.trim();
  if (STATISTICS.test(text)) return service.statistics(actor);
  if (MY_CASES.test(text)) return service.myCases(actor);
  const employee = STOP.test(text) ? await service.employeeStop(actor) : await service.employee(actor, FOLLOW_UP.test(text));
  return employee ?? service.start(actor);
}
