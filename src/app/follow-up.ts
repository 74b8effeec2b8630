import type { Case, IncidentCase } from '../domain/case';
import {
  activeFollowUp,
  CHECK_IN_ANSWERS,
  CHECK_IN_COMMENT_MAX,
  CHECK_IN_KINDS,
  type CheckInAnswer,
  type CheckInKind,
} from '../domain/follow-up';
import { type EmployeeCommand, transition } from '../domain/transition';
import type { ActionDeps, Actor, Data } from './actions/context';
import { notice } from './actions/context';
import { localeOf } from './actions/views';
import { CASE_ID } from './case-repository';
import { tellManagers } from './check-ins';
import type { Department } from './directory';
import type { EmployeeFollowUp, Notice, View } from './screens';

/** Contacts whose label names psychological help: the crisis psychologist the department lists. */
const HELP = /psykolog|psycholog|krise|crisis/i;

const nameOf = (d: Department, id: string | undefined) => (id ? d.members.find((m) => m.id === id)?.name : undefined);

/**
 * What the employee sees of one follow-up. Only what is listed here leaves the case: the people to talk to, whether
 * the meeting is booked and the message posted, and when the next check-in comes. Never the description, links,
 * assessment, plan or drafts.
 */
export function employeeItem(c: IncidentCase, department: Department, employeeId: string): EmployeeFollowUp | undefined {
  const f = activeFollowUp(c, employeeId);
  if (!f) return undefined;
  const manager = nameOf(department, c.ownerId);
  const tr = nameOf(department, department.trId);
  const amr = nameOf(department, department.amrId);
  const meeting = c.meeting?.status === 'booked' ? c.meeting.slot : undefined;
  const next = f.checkIns.find((ci) => !ci.sentOn)?.due;
  return {
    caseId: c.id,
    ...(manager ? { manager } : {}),
    ...(tr ? { tr } : {}),
    ...(amr ? { amr } : {}),
    help: (department.contacts ?? []).filter((k) => HELP.test(k.label)),
    ...(meeting ? { meeting: { start: meeting.start, end: meeting.end } } : {}),
    posted: c.post?.status === 'posted',
    ...(next ? { nextCheckIn: next } : {}),
  };
}

/** The employee's active follow-ups, with the department each belongs to. */
async function activeFor(deps: ActionDeps, employeeId: string): Promise<{ c: IncidentCase; department: Department }[]> {
  const found: { c: IncidentCase; department: Department }[] = [];
  for (const stored of await deps.cases.followUpCases(employeeId)) {
    const c = stored.value;
    if (c.kind !== 'incident' || !activeFollowUp(c, employeeId)) continue;
    const department = await deps.directory.department(c.departmentId);
    if (department) found.push({ c, department });
  }
  return found;
}

/**
 * The employee card when someone with an active follow-up opens their chat with the bot; undefined for anyone else.
 * A manager keeps their start card unless they ask for the follow-up (`asked`): they use the bot for their own cases too.
 */
export async function employeeView(deps: ActionDeps, actor: Actor, asked = true): Promise<View | undefined> {
  if (!actor.id) return undefined;
  if (!asked && (await deps.directory.departmentsManagedBy(actor.id)).length) return undefined;
  const active = await activeFor(deps, actor.id);
  if (!active.length) return undefined;
  return { locale: await localeOf(deps, actor), screen: { kind: 'employee', items: itemsOf(active, actor.id) } };
}

function itemsOf(active: Awaited<ReturnType<typeof activeFor>>, employeeId: string) {
  return active.flatMap(({ c, department }) => employeeItem(c, department, employeeId) ?? []);
}

/** The employee's overview as it now is, headed by what just happened (stopped, answered, closed). */
async function overview(deps: ActionDeps, actor: Actor, locale: View['locale'], n: Notice): Promise<View> {
  return { locale, screen: { kind: 'employee', items: itemsOf(await activeFor(deps, actor.id), actor.id), notice: n } };
}

/** The employee's command on one case, through the state machine as them; only their own active follow-up. */
async function apply(deps: ActionDeps, actor: Actor, caseId: string, cmd: EmployeeCommand): Promise<Case | undefined> {
  if (!actor.id || !CASE_ID.test(caseId)) return undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const stored = await deps.cases.get(caseId);
    if (stored?.value.kind !== 'incident' || !activeFollowUp(stored.value, actor.id)) return undefined;
    const result = transition(stored.value, cmd, { now: deps.clock.now(), actor: actor.id, policy: deps.policy });
    if (!result.ok) return undefined;
    if ((await deps.cases.replace(result.state, stored.etag)) === 'saved') return result.state;
  }
  return undefined;
}

/**
 * "Stop" from the employee, by button (one case) or typed (every follow-up): nothing more is sent, and the case
 * records it. Undefined when the actor has no follow-up at all, so a typed "stop" from anyone else is an ordinary message.
 */
export async function employeeStop(deps: ActionDeps, actor: Actor, caseId?: string): Promise<View | undefined> {
  const ids = caseId !== undefined ? [caseId] : (await activeFor(deps, actor.id)).map(({ c }) => c.id);
  if (caseId === undefined && !ids.length) return undefined;
  let stopped = 0;
  for (const id of ids) if (await apply(deps, actor, id, { type: 'followUp.stop' })) stopped += 1;
  return overview(deps, actor, await localeOf(deps, actor), notice(stopped ? 'followUpStopped' : 'followUpInactive', 'accent'));
}

const isKind = (v: unknown): v is CheckInKind => CHECK_IN_KINDS.includes(v as CheckInKind);
const isAnswer = (v: unknown): v is CheckInAnswer => CHECK_IN_ANSWERS.includes(v as CheckInAnswer);

/**
 * The employee's answer to a check-in. A forged one (another user, another case, replayed, after stop) changes nothing
 * and is told only that the question is closed. The case's managers get a notification; the answer is on their card.
 */
export async function answerCheckIn(deps: ActionDeps, actor: Actor, data: Data): Promise<View> {
  const locale = await localeOf(deps, actor);
  const closed: View = { locale, screen: { kind: 'employee', items: [], notice: notice('followUpInactive', 'warning') } };
  const caseId = typeof data.caseId === 'string' ? data.caseId : '';
  if (!isKind(data.checkIn) || !isAnswer(data.answer)) {
    // No answer chosen: the question again, as long as it is still open.
    const c = CASE_ID.test(caseId) ? (await deps.cases.get(caseId))?.value : undefined;
    const f = c?.kind === 'incident' ? activeFollowUp(c, actor.id) : undefined;
    const open = isKind(data.checkIn) && f?.checkIns.some((ci) => ci.kind === data.checkIn && ci.sentOn && !ci.answer);
    if (!c || !open || !isKind(data.checkIn)) return closed;
    const typed = typeof data.comment === 'string' ? { comment: data.comment.slice(0, CHECK_IN_COMMENT_MAX) } : {};
    return { locale, screen: { kind: 'checkIn', caseId, checkIn: data.checkIn, ...typed, notice: notice('invalidInput', 'attention') } };
  }
  const comment = typeof data.comment === 'string' ? data.comment : undefined;
  const saved = await apply(deps, actor, caseId, {
    type: 'followUp.answer',
    checkIn: data.checkIn,
    answer: data.answer,
    ...(comment ? { comment } : {}),
  });
  if (!saved) return closed;
  // Saved first, told after: an answer is never lost, and the hourly sweep tells of one whose notification was cut off.
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await deps.cases.get(saved.id).catch(() => undefined);
    if (!stored || (await tellManagers(deps, stored).catch(() => 'none' as const)) !== 'conflict') break;
  }
  return overview(deps, actor, locale, notice('checkInThanks', 'good'));
}
