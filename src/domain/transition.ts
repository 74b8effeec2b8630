import { actionDef, assess, byPriority, isKind, plannedAction } from './assessment';
import type { Case, IncidentCase, Intake, PlannedAction, Warning, WarningCase } from './case';
import type { Locale } from './i18n';
import { type GraphFailure, isStale, type MeetingState, offeredSlots, type Slot } from './meeting';
import type { ActionKind, Policy } from './policy';
import { checkSupportMessage, type GuardrailIssue, type PostState, toChannelHtml } from './support-message';

/** What a manager asked for, already validated. Every command names the revision it was made against. */
export type Command =
  | { readonly type: 'intake.submit'; readonly rev: number; readonly intake: Intake }
  | { readonly type: 'assessment.edit'; readonly rev: number }
  | { readonly type: 'assessment.confirm'; readonly rev: number; readonly keep: readonly string[]; readonly add: readonly string[] }
  | { readonly type: 'action.done'; readonly rev: number; readonly actionId: string; readonly reference?: string }
  /** Settles an action as not relevant for this case; `reference` holds the manager's reason. */
  | { readonly type: 'action.notRelevant'; readonly rev: number; readonly actionId: string; readonly reference?: string }
  | { readonly type: 'action.reopen'; readonly rev: number; readonly actionId: string }
  | { readonly type: 'case.close'; readonly rev: number }
  | { readonly type: 'warning.submit'; readonly rev: number; readonly warning: Warning }
  | { readonly type: 'warning.escalate'; readonly rev: number; readonly incidentId: string }
  | { readonly type: 'meeting.search'; readonly rev: number }
  | { readonly type: 'meeting.book'; readonly rev: number; readonly slot: Slot }
  | { readonly type: 'meeting.cancel'; readonly rev: number }
  | { readonly type: 'meeting.move'; readonly rev: number; readonly slot: Slot }
  | { readonly type: 'post.save'; readonly rev: number; readonly text: string; readonly consent: boolean }
  | { readonly type: 'post.send'; readonly rev: number; readonly text: string; readonly consent: boolean }
  | { readonly type: 'post.confirm'; readonly rev: number }
  | ResultCommand;

/**
 * What Graph answered, applied by the application after the call. These carry no revision:
 * they apply whenever the case still waits for that very call (same transaction id / status).
 */
export type ResultCommand =
  | { readonly type: 'meeting.found'; readonly transactionId: string; readonly suggestions: readonly Slot[]; readonly emptyReason?: string }
  | { readonly type: 'meeting.searchFailed'; readonly transactionId: string; readonly error: GraphFailure }
  | {
      readonly type: 'meeting.created';
      readonly transactionId: string;
      readonly eventId: string;
      readonly joinUrl?: string;
      readonly webLink?: string;
      readonly slot: Slot;
    }
  | { readonly type: 'meeting.createFailed'; readonly transactionId: string; readonly error: GraphFailure; readonly unknown: boolean }
  | { readonly type: 'meeting.cancelled'; readonly eventId: string }
  | { readonly type: 'meeting.moved'; readonly eventId: string; readonly slot: Slot }
  | { readonly type: 'meeting.changeFailed'; readonly eventId: string; readonly error: GraphFailure }
  | { readonly type: 'post.posted'; readonly html: string; readonly messageId?: string; readonly webUrl?: string }
  | { readonly type: 'post.failed'; readonly html: string; readonly error: GraphFailure; readonly unknown: boolean };

const RESULTS = new Set<string>([
  'meeting.found',
  'meeting.searchFailed',
  'meeting.created',
  'meeting.createFailed',
  'meeting.cancelled',
  'meeting.changeFailed',
  'meeting.moved',
  'post.posted',
  'post.failed',
]);

export function isResult(cmd: Command): cmd is ResultCommand {
  return RESULTS.has(cmd.type);
}

/** Work outside the case record that the application must carry out after saving. */
export type Effect =
  | { readonly kind: 'createEscalatedIncident'; readonly incidentId: string; readonly fromWarning: string }
  | { readonly kind: 'findMeetingTimes'; readonly transactionId: string }
  | { readonly kind: 'createEvent'; readonly transactionId: string; readonly slot: Slot }
  | { readonly kind: 'cancelEvent'; readonly eventId: string }
  | { readonly kind: 'moveEvent'; readonly eventId: string; readonly slot: Slot }
  | { readonly kind: 'postMessage'; readonly html: string };

export interface TransitionContext {
  readonly now: Date;
  /** Directory id of the manager acting. */
  readonly actor: string;
  readonly policy: Policy;
}

export type Rejection = 'stale' | 'notAllowedNow' | 'unknownAction' | 'guardrail';

export type TransitionResult =
  | { readonly ok: true; readonly state: Case; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly reason: Rejection; readonly issues?: readonly GuardrailIssue[] };

function advance<C extends Case>(c: C, ctx: TransitionContext, what: string, changes: Partial<C>, actionId?: string): C {
  const rev = c.rev + 1;
  const at = ctx.now.toISOString();
  return {
    ...c,
    ...changes,
    rev,
    updatedAt: at,
    audit: [...c.audit, { at, by: ctx.actor, what, rev, ...(actionId ? { actionId } : {}) }],
  };
}

const ok = (state: Case, effects: readonly Effect[] = []): TransitionResult => ({ ok: true, state, effects });
const no = (reason: Rejection): TransitionResult => ({ ok: false, reason });

function incident(c: IncidentCase, cmd: Command, ctx: TransitionContext): TransitionResult {
  switch (cmd.type) {
    case 'intake.submit': {
      if (c.status !== 'intake') return no('notAllowedNow');
      const proposal = assess(ctx.policy, cmd.intake);
      return ok(advance(c, ctx, cmd.type, { status: 'assessment', intake: cmd.intake, proposal }));
    }
    case 'assessment.edit':
      if (c.status !== 'assessment') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'intake' }));
    case 'assessment.confirm': {
      if (c.status !== 'assessment' || !c.intake || !c.proposal) return no('notAllowedNow');
      const keep = new Set(cmd.keep);
      const kept = c.proposal.filter((a) => keep.has(a.actionId));
      const added: PlannedAction[] = [];
      for (const id of new Set(cmd.add)) {
        if (!actionDef(ctx.policy, id)) return no('unknownAction');
        if (kept.some((a) => a.actionId === id)) continue;
        const proposed = c.proposal.find((a) => a.actionId === id);
        added.push(proposed ?? plannedAction(ctx.policy, id, c.intake.discoveredOn, [], 'manager'));
      }
      const plan = [...kept, ...added].sort(byPriority(ctx.policy));
      return ok(advance(c, ctx, cmd.type, { status: 'plan', plan }));
    }
    case 'action.done':
    case 'action.notRelevant':
    case 'action.reopen': {
      if (c.status !== 'plan' || !c.plan) return no('notAllowedNow');
      const target = c.plan.find((a) => a.actionId === cmd.actionId);
      if (!target) return no('unknownAction');
      if ((cmd.type === 'action.reopen') !== (target.status === 'done')) return no('notAllowedNow');
      const updated: PlannedAction =
        cmd.type === 'action.reopen'
          ? reopened(target)
          : {
              ...target,
              status: 'done',
              doneAt: ctx.now.toISOString(),
              doneBy: ctx.actor,
              ...(cmd.type === 'action.notRelevant' ? { notRelevant: true as const } : {}),
              ...(cmd.reference ? { reference: cmd.reference } : {}),
            };
      const plan = c.plan.map((a) => (a.actionId === cmd.actionId ? updated : a));
      return ok(advance(c, ctx, cmd.type, { plan }, cmd.actionId));
    }
    case 'case.close':
      if (c.status === 'closed') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'closed', closedAt: ctx.now.toISOString() }));
    default:
      if (cmd.type.startsWith('meeting.')) return meeting(c, cmd, ctx);
      if (cmd.type.startsWith('post.')) return post(c, cmd, ctx);
      return no('notAllowedNow');
  }
}

/** Open again, as planned: who settled it, when, how and why are dropped. */
function reopened(a: PlannedAction): PlannedAction {
  return { actionId: a.actionId, due: a.due, reasons: a.reasons, source: a.source, status: 'open' };
}

/** Marks the plan's open actions of a kind done on the manager's behalf when Graph has done them. */
function completePlanAction(c: IncidentCase, kind: ActionKind, ctx: TransitionContext, reference?: string): IncidentCase['plan'] {
  return c.plan?.map((a) =>
    a.status === 'open' && isKind(ctx.policy, a.actionId, kind)
      ? {
          ...a,
          status: 'done' as const,
          doneAt: ctx.now.toISOString(),
          doneBy: ctx.actor,
          byGraph: true as const,
          ...(reference ? { reference } : {}),
        }
      : a,
  );
}

function meeting(c: IncidentCase, cmd: Command, ctx: TransitionContext): TransitionResult {
  if (c.status !== 'plan') return no('notAllowedNow');
  const m: MeetingState = c.meeting ?? { status: 'idle', transactionId: `${c.id}-m1`, attempt: 1 };
  const since = ctx.now.toISOString();
  const set = (changes: Partial<MeetingState>, extra: Partial<IncidentCase> = {}) =>
    advance(c, ctx, cmd.type, { meeting: { ...m, ...changes }, ...extra });
  switch (cmd.type) {
    case 'meeting.search': {
      if (m.status === 'booking' || m.status === 'booked' || m.status === 'searching') return no('notAllowedNow');
      // After a cancellation the next booking is a new event, so it needs a new transaction id.
      const fresh = m.status === 'cancelled' ? { transactionId: `${c.id}-m${m.attempt + 1}`, attempt: m.attempt + 1 } : {};
      const next: MeetingState = {
        status: 'searching',
        transactionId: fresh.transactionId ?? m.transactionId,
        attempt: fresh.attempt ?? m.attempt,
        since,
      };
      return ok(advance(c, ctx, cmd.type, { meeting: next }), [{ kind: 'findMeetingTimes', transactionId: next.transactionId }]);
    }
    case 'meeting.found': {
      if (m.status !== 'searching' || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      const offered = offeredSlots(cmd.suggestions, cmd.emptyReason);
      return ok(set({ status: 'choosing', suggestions: offered.suggestions, emptyReason: offered.emptyReason, error: undefined }));
    }
    case 'meeting.searchFailed':
      if (m.status !== 'searching' || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      return ok(set({ status: 'choosing', suggestions: [], error: cmd.error }));
    case 'meeting.book': {
      const cutOff = m.status === 'booking' && isStale(m.since, ctx.now);
      if (m.status !== 'choosing' && m.status !== 'idle' && m.status !== 'unknown' && !cutOff) return no('notAllowedNow');
      // The intent is saved before Graph is called; the transaction id makes a repeat call return the same event.
      return ok(set({ status: 'booking', slot: cmd.slot, since, error: undefined }), [
        { kind: 'createEvent', transactionId: m.transactionId, slot: cmd.slot },
      ]);
    }
    case 'meeting.created': {
      if ((m.status !== 'booking' && m.status !== 'unknown') || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      const plan = completePlanAction(c, 'meeting', ctx);
      return ok(
        set(
          {
            status: 'booked',
            eventId: cmd.eventId,
            slot: cmd.slot,
            error: undefined,
            ...(cmd.joinUrl ? { joinUrl: cmd.joinUrl } : {}),
            ...(cmd.webLink ? { webLink: cmd.webLink } : {}),
          },
          plan ? { plan } : {},
        ),
      );
    }
    case 'meeting.createFailed':
      if (m.status !== 'booking' || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      return ok(set({ status: cmd.unknown ? 'unknown' : 'choosing', error: cmd.error }));
    case 'meeting.cancel':
      if (m.status !== 'booked' || !m.eventId) return no('notAllowedNow');
      return ok(set({ since }), [{ kind: 'cancelEvent', eventId: m.eventId }]);
    case 'meeting.move':
      if (m.status !== 'booked' || !m.eventId) return no('notAllowedNow');
      return ok(set({ since, error: undefined }), [{ kind: 'moveEvent', eventId: m.eventId, slot: cmd.slot }]);
    case 'meeting.moved':
      if (m.status !== 'booked' || m.eventId !== cmd.eventId) return no('notAllowedNow');
      return ok(set({ slot: cmd.slot, error: undefined }));
    case 'meeting.cancelled': {
      if (m.eventId !== cmd.eventId || m.status !== 'booked') return no('notAllowedNow');
      // Only what the booking ticked off opens again; a manager's own "done" or "not relevant" stands.
      const plan = c.plan?.map((a) => (a.byGraph && isKind(ctx.policy, a.actionId, 'meeting') ? reopened(a) : a));
      return ok(
        advance(c, ctx, cmd.type, {
          meeting: { status: 'cancelled', transactionId: m.transactionId, attempt: m.attempt, since },
          ...(plan ? { plan } : {}),
        }),
      );
    }
    case 'meeting.changeFailed':
      if (m.eventId !== cmd.eventId) return no('notAllowedNow');
      return ok(set({ error: cmd.error }));
    default:
      return no('notAllowedNow');
  }
}

function post(c: IncidentCase, cmd: Command, ctx: TransitionContext): TransitionResult {
  if (c.status !== 'plan' || !c.intake) return no('notAllowedNow');
  const p: PostState = c.post ?? { status: 'draft', text: '', consent: false };
  const since = ctx.now.toISOString();
  switch (cmd.type) {
    case 'post.save':
      if (p.status === 'posting' || p.status === 'posted') return no('notAllowedNow');
      return ok(
        advance(c, ctx, cmd.type, {
          post: { ...p, status: p.status === 'unknown' ? 'unknown' : 'draft', text: cmd.text, consent: cmd.consent },
        }),
      );
    case 'post.send': {
      // From "unknown" (or a post cut off mid-way) too: the manager has checked the channel and it is not there.
      if (p.status !== 'draft' && p.status !== 'unknown' && !(p.status === 'posting' && isStale(p.since, ctx.now)))
        return no('notAllowedNow');
      const issues = checkSupportMessage(cmd.text, cmd.consent, c.intake);
      if (issues.length) return { ok: false, reason: 'guardrail', issues };
      const html = toChannelHtml(cmd.text);
      // Saved before the POST: a crash afterwards leaves "posting", which is never posted again blindly.
      return ok(advance(c, ctx, cmd.type, { post: { status: 'posting', text: cmd.text, consent: true, html, since } }), [
        { kind: 'postMessage', html },
      ]);
    }
    case 'post.posted': {
      if ((p.status !== 'posting' && p.status !== 'unknown') || p.html !== cmd.html) return no('notAllowedNow');
      const plan = completePlanAction(c, 'channelPost', ctx);
      return ok(
        advance(c, ctx, cmd.type, {
          post: {
            ...p,
            status: 'posted',
            error: undefined,
            ...(cmd.messageId ? { messageId: cmd.messageId } : {}),
            ...(cmd.webUrl ? { webUrl: cmd.webUrl } : {}),
          },
          ...(plan ? { plan } : {}),
        }),
      );
    }
    case 'post.failed':
      if (p.status !== 'posting' || p.html !== cmd.html) return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { post: { ...p, status: cmd.unknown ? 'unknown' : 'draft', error: cmd.error } }));
    case 'post.confirm': {
      if (p.status !== 'unknown' && !(p.status === 'posting' && isStale(p.since, ctx.now))) return no('notAllowedNow');
      const plan = completePlanAction(c, 'channelPost', ctx);
      return ok(advance(c, ctx, cmd.type, { post: { ...p, status: 'posted', error: undefined }, ...(plan ? { plan } : {}) }));
    }
    default:
      return no('notAllowedNow');
  }
}

function warning(c: WarningCase, cmd: Command, ctx: TransitionContext): TransitionResult {
  switch (cmd.type) {
    case 'warning.submit':
      if (c.status !== 'warning' && c.status !== 'recorded') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'recorded', warning: cmd.warning }));
    case 'warning.escalate':
      if (c.status !== 'recorded') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'escalated', escalatedTo: cmd.incidentId }), [
        { kind: 'createEscalatedIncident', incidentId: cmd.incidentId, fromWarning: c.id },
      ]);
    case 'case.close':
      if (c.status === 'closed' || c.status === 'escalated') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'closed', closedAt: ctx.now.toISOString() }));
    default:
      return no('notAllowedNow');
  }
}

/**
 * The case state machine: (state, command, now) → new state and effects.
 * A command made against an older revision changes nothing; the caller shows the current card.
 */
export function transition(state: Case, cmd: Command, ctx: TransitionContext): TransitionResult {
  if (!isResult(cmd) && cmd.rev !== state.rev) return no('stale');
  return state.kind === 'incident' ? incident(state, cmd, ctx) : warning(state, cmd, ctx);
}

export interface NewCase {
  readonly id: string;
  readonly ownerId: string;
  readonly departmentId: string;
  readonly locale: Locale;
  readonly now: Date;
}

function base(n: NewCase, what: string) {
  const at = n.now.toISOString();
  return {
    id: n.id,
    rev: 1,
    ownerId: n.ownerId,
    managerIds: [] as string[],
    departmentId: n.departmentId,
    locale: n.locale,
    createdAt: at,
    updatedAt: at,
    audit: [{ at, by: n.ownerId, what, rev: 1 }],
  };
}

export function newIncident(n: NewCase, escalatedFrom?: WarningCase): IncidentCase {
  const c: IncidentCase = { ...base(n, escalatedFrom ? 'incident.escalated' : 'incident.open'), kind: 'incident', status: 'intake' };
  if (!escalatedFrom) return c;
  const w = escalatedFrom.warning;
  return {
    ...c,
    managerIds: escalatedFrom.managerIds,
    escalatedFrom: escalatedFrom.id,
    ...(w ? { prefill: { employees: w.employees, description: w.description } } : {}),
  };
}

export function newWarning(n: NewCase): WarningCase {
  return { ...base(n, 'warning.open'), kind: 'warning', status: 'warning' };
}
