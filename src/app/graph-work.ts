import { type Case, type IncidentCase, isOpen } from '../domain/case';
import { type Locale, pick } from '../domain/i18n';
import { attendeesFor, meetingWindow } from '../domain/meeting';
import type { Policy } from '../domain/policy';
import { toChannelHtml } from '../domain/support-message';
import { type Effect, type ResultCommand, transition } from '../domain/transition';
import type { CaseRepository } from './case-repository';
import type { Department, Directory } from './directory';
import type { GraphPort, Invitee } from './graph-port';

export type GraphEffect = Exclude<Effect, { kind: 'createEscalatedIncident' | 'indexFollowUp' }>;

export function isGraphEffect(e: Effect): e is GraphEffect {
  return e.kind !== 'createEscalatedIncident' && e.kind !== 'indexFollowUp';
}

export interface GraphWorkDeps {
  readonly graph: GraphPort;
  readonly cases: CaseRepository;
  readonly directory: Directory;
  readonly policy: Policy;
  readonly clock: { now(): Date };
}

/** Asked of Graph: more than the card shows, so that times on a public holiday can be dropped (domain/meeting.ts). */
const CANDIDATES = 12;

/**
 * Carries out the Graph effects of a saved transition and records each answer on the case.
 * The intent is already saved when this runs, so a crash here is repaired by the next click.
 */
export class GraphWork {
  constructor(private readonly deps: GraphWorkDeps) {}

  async run(caseId: string, effects: readonly GraphEffect[], token: string, actorId: string, locale: Locale): Promise<Case | undefined> {
    let latest: Case | undefined;
    for (const effect of effects) {
      const stored = await this.deps.cases.get(caseId);
      if (stored?.value.kind !== 'incident') return stored?.value;
      const department = await this.deps.directory.department(stored.value.departmentId);
      if (!department) return stored.value;
      const result = await this.call(effect, stored.value, department, token, locale);
      latest = await this.apply(caseId, result, actorId);
    }
    return latest;
  }

  private invitees(c: IncidentCase, department: Department, organizerId: string) {
    const byId = new Map(department.members.map((m) => [m.id, m]));
    const person = (id: string | undefined) => (id ? byId.get(id) : undefined);
    const managers = [...department.managerIds, ...c.managerIds].map((id) => person(id)).filter((p) => p !== undefined);
    const { required, optional } = attendeesFor(
      c.intake?.employees ?? [],
      person(department.trId),
      person(department.amrId),
      managers,
      organizerId,
    );
    // Only people with an address can be invited; the directory gives every member one.
    const withAddress = (list: readonly { id: string; name: string; upn?: string }[]): Invitee[] =>
      list.flatMap((p) => {
        const upn = byId.get(p.id)?.upn ?? p.upn;
        return upn ? [{ id: p.id, name: p.name, address: upn }] : [];
      });
    return { required: withAddress(required), optional: withAddress(optional) };
  }

  private async call(effect: GraphEffect, c: IncidentCase, department: Department, token: string, locale: Locale): Promise<ResultCommand> {
    const { graph, policy } = this.deps;
    const now = this.deps.clock.now();
    switch (effect.kind) {
      case 'findMeetingTimes': {
        const r = await graph.findMeetingTimes(token, {
          window: meetingWindow(now),
          minutes: policy.meeting.durationMinutes,
          maxCandidates: CANDIDATES,
          ...this.invitees(c, department, c.ownerId),
        });
        return r.ok
          ? {
              type: 'meeting.found',
              transactionId: effect.transactionId,
              suggestions: r.value.suggestions,
              ...(r.value.emptyReason ? { emptyReason: r.value.emptyReason } : {}),
            }
          : { type: 'meeting.searchFailed', transactionId: effect.transactionId, error: r.error };
      }
      case 'createEvent': {
        const r = await graph.createEvent(token, {
          transactionId: effect.transactionId,
          slot: effect.slot,
          subject: pick(policy.meeting.subject, locale),
          bodyHtml: toChannelHtml(pick(policy.meeting.agenda, locale)),
          ...this.invitees(c, department, c.ownerId),
        });
        return r.ok
          ? {
              type: 'meeting.created',
              transactionId: effect.transactionId,
              eventId: r.value.eventId,
              slot: r.value.slot,
              ...(r.value.joinUrl ? { joinUrl: r.value.joinUrl } : {}),
              ...(r.value.webLink ? { webLink: r.value.webLink } : {}),
            }
          : { type: 'meeting.createFailed', transactionId: effect.transactionId, error: r.error, unknown: r.unknown };
      }
      case 'moveEvent': {
        const r = await graph.moveEvent(token, effect.eventId, effect.slot);
        return r.ok
          ? { type: 'meeting.moved', eventId: effect.eventId, slot: r.value.slot }
          : { type: 'meeting.changeFailed', eventId: effect.eventId, error: r.error };
      }
      case 'cancelEvent': {
        const r = await graph.cancelEvent(token, effect.eventId);
        return r.ok
          ? { type: 'meeting.cancelled', eventId: effect.eventId }
          : { type: 'meeting.changeFailed', eventId: effect.eventId, error: r.error };
      }
      case 'postMessage': {
        if (!department.teamId || !department.channelId)
          return { type: 'post.failed', html: effect.html, error: 'notFound', unknown: false };
        const r = await graph.postChannelMessage(token, department.teamId, department.channelId, effect.html);
        return r.ok
          ? { type: 'post.posted', html: effect.html, messageId: r.value.messageId, ...(r.value.webUrl ? { webUrl: r.value.webUrl } : {}) }
          : { type: 'post.failed', html: effect.html, error: r.error, unknown: r.unknown };
      }
    }
  }

  /** Records Graph's answer with compare-and-swap; an answer the case no longer waits for changes nothing. */
  private async apply(caseId: string, result: ResultCommand, actorId: string): Promise<Case | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.deps.cases.get(caseId);
      if (!stored) return undefined;
      if (!isOpen(stored.value)) return stored.value;
      const next = transition(stored.value, result, { now: this.deps.clock.now(), actor: actorId, policy: this.deps.policy });
      if (!next.ok) return stored.value;
      if ((await this.deps.cases.replace(next.state, stored.etag)) === 'saved') return next.state;
    }
    return (await this.deps.cases.get(caseId))?.value;
  }
}
