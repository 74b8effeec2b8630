import type { Case } from '../../domain/case';
import type { Department } from '../directory';
import { answerCheckIn, employeeStop } from '../follow-up';
import type { Notice, Screen } from '../screens';
import type { Verb } from '../verbs';
import { message, notice } from './context';
import type { CaseHandler, SessionHandler } from './handler';
import { stateScreen } from './views';

/**
 * The follow-up opened on the plan, as an action's details are: the plan's `expanded` names this id, which no policy
 * action has, so the actions shrink to their titles and the follow-up gets the room.
 */
export const FOLLOW_UP_PANEL = '_followUp';

function followUpScreen(c: Case, department: Department, n?: Notice): Screen {
  if (c.kind !== 'incident' || c.status !== 'plan') return stateScreen(c, department, n);
  return { kind: 'plan', case: c, department, expanded: { actionId: FOLLOW_UP_PANEL }, ...(n ? { notice: n } : {}) };
}

/** "Opfølgning med medarbejderen" on the plan: the follow-up opened. Changes nothing. */
export const followUpShow: CaseHandler<typeof Verb.followUpShow> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  decode: async (_deps, { case: c, department }) => ({ screen: followUpScreen(c, department) }),
};

/** The plan card's inputs: the consent toggle, and which employee when the case names several. */
export const CONSENT_INPUT = 'followUpConsent';
export const EMPLOYEE_INPUT = 'followUpEmployee';

/** "Start opfølgning" on the plan: only when the manager has ticked that the employee said yes. */
export const followUpStart: CaseHandler<typeof Verb.followUpStart> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(_deps, { case: c, department, rev }, data) {
    const employeeId = typeof data.employeeId === 'string' ? data.employeeId : data[EMPLOYEE_INPUT];
    if (c.kind !== 'incident' || typeof employeeId !== 'string') return { screen: message('badRequest') };
    const consent = data[CONSENT_INPUT] === 'true' || data[CONSENT_INPUT] === true;
    if (!consent) return { screen: followUpScreen(c, department, notice('consentRequired', 'attention')) };
    return {
      command: { type: 'followUp.start', rev, employeeId, consent },
      show: async (saved) => followUpScreen(saved, department, notice('followUpStarted', 'good')),
    };
  },
};

/** "Stop opfølgningen" on the plan: the manager withdraws it (e.g. the employee told them so). */
export const followUpWithdraw: CaseHandler<typeof Verb.followUpWithdraw> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(_deps, { case: c, department, rev }, data) {
    if (c.kind !== 'incident' || typeof data.employeeId !== 'string') return { screen: message('badRequest') };
    return {
      command: { type: 'followUp.withdraw', rev, employeeId: data.employeeId },
      show: async (saved) => followUpScreen(saved, department, notice('followUpWithdrawn', 'good')),
    };
  },
};

/** The employee's "Stop" button: not a manager's case action, so it checks the follow-up itself (src/app/follow-up.ts). */
export const followUpStop: SessionHandler<typeof Verb.followUpStop> = {
  scope: 'session',
  async run(deps, turn, data) {
    const caseId = typeof data.caseId === 'string' ? data.caseId : '';
    return (await employeeStop(deps, turn.actor, caseId)) ?? { locale: 'da', screen: message('badRequest') };
  },
};

/** The employee's answer to "Hvordan har du det med sagen nu?". */
export const checkInAnswer: SessionHandler<typeof Verb.checkInAnswer> = {
  scope: 'session',
  run: (deps, turn, data) => answerCheckIn(deps, turn.actor, data),
};
