import { type Case, canSee } from '../domain/case';
import { toLocale } from '../domain/i18n';
import { type Command, type Effect, newIncident, type TransitionResult, transition } from '../domain/transition';
import type { ActionDeps, Actor, CardTarget, CaseTurn, Data, Turn } from './actions/context';
import { message, notice } from './actions/context';
import { afterGraph } from './actions/graph-wait';
import type { CaseHandler, Decoded, Handler } from './actions/handler';
import { HANDLERS, isVerb } from './actions/registry';
import { localeOf, myCasesView, screenFor, showCase, startView, stateScreen } from './actions/views';
import { CASE_ID } from './case-repository';
import { isCoded } from './errors';
import { type AttachmentToken, EvidenceIntake, type IncomingFile } from './evidence-intake';
import { employeeStop, employeeView } from './follow-up';
import { isGraphEffect } from './graph-work';
import type { Notice, View } from './screens';
import type { TeamInfo } from './team-directory';
import { Verb, type VerbName } from './verbs';

export type { Actor, CardTarget, CardUpdater, Clock } from './actions/context';
export type CaseServiceDeps = ActionDeps;

/** What the bot knows of the turn besides the actor. */
export interface TurnExtras {
  readonly target?: CardTarget;
  readonly team?: () => Promise<TeamInfo>;
  readonly attachmentToken?: AttachmentToken;
}

/**
 * Every card action ends here. Each verb's handler (src/app/actions/) reads its payload; this loop, once for all of them,
 * loads the case, checks who is asking, runs the state machine, saves with the eTag, carries out effects, and says what to show.
 */
export class CaseService {
  constructor(private readonly deps: ActionDeps) {}

  locale(actor: Actor) {
    return localeOf(this.deps, actor);
  }

  /** Keeps where to reach the user for retention warnings; written only when it changed. */
  async rememberReference(actor: Actor, reference: Readonly<Record<string, unknown>>): Promise<void> {
    const prefs = await this.deps.cases.prefs(actor.id);
    if (JSON.stringify(prefs.reference) !== JSON.stringify(reference)) await this.deps.cases.setPrefs(actor.id, { reference });
  }

  async welcome(actor: Actor): Promise<View> {
    return { screen: { kind: 'welcome' }, locale: await this.locale(actor) };
  }

  start(actor: Actor, n?: Notice): Promise<View> {
    return startView(this.deps, actor, n);
  }

  myCases(actor: Actor, n?: Notice): Promise<View> {
    return myCasesView(this.deps, actor, n);
  }

  /** Files sent in the 1:1 chat (`inboxId`: the message's own id, hashed); undefined when evidence capture is off. */
  async evidenceReceived(
    actor: Actor,
    inboxId: string,
    files: readonly IncomingFile[],
    token?: AttachmentToken,
  ): Promise<View | undefined> {
    const { evidence } = this.deps;
    if (!evidence) return undefined;
    return new EvidenceIntake({ ...this.deps, evidence }).received(actor, inboxId, files, token);
  }

  /** The employee's card, if the actor is an employee with an active follow-up; else undefined (see employeeView). */
  employee(actor: Actor, asked = false): Promise<View | undefined> {
    return employeeView(this.deps, actor, asked);
  }

  /** A typed "stop" from an employee with a follow-up; undefined from anyone else. */
  employeeStop(actor: Actor): Promise<View | undefined> {
    return employeeStop(this.deps, actor);
  }

  /** "Statistik" typed in the 1:1 chat: the same as the start card's button. */
  statistics(actor: Actor): Promise<View> {
    return this.handle(actor, Verb.statistics, {});
  }

  /** A card action. Never throws for anything the payload holds; storage outages come back as a retry card. */
  async handle(actor: Actor, verb: string, data: Data, extras: TurnExtras = {}): Promise<View> {
    const turn: Turn = { actor, ...extras };
    try {
      if (!isVerb(verb)) return await this.unknownVerb(turn, data);
      const handler: Handler<VerbName> = HANDLERS[verb];
      if (handler.scope === 'session') return await handler.run(this.deps, turn, data);
      return await this.onCase(turn, handler, data);
    } catch (e) {
      if (!isCoded(e, 'storage_unavailable')) throw e;
      const locale = await this.locale(actor).catch(() => toLocale(actor.locale));
      const retry = isVerb(verb) ? { retry: { verb, data } } : {};
      return { locale, screen: { kind: 'message', notice: notice('storageUnavailable', 'attention'), ...retry } };
    }
  }

  /** A verb no card has: the case, if one is named and may be seen, with "bad request". */
  private unknownVerb(turn: Turn, data: Data): Promise<View> {
    return this.onCase(turn, BAD_REQUEST, data);
  }

  /** The loop: load → check access → decode → transition → save with the eTag → effects → what to show. */
  private async onCase(turn: Turn, handler: CaseHandler<VerbName>, data: Data): Promise<View> {
    const { deps } = this;
    const { actor } = turn;
    const locale = await this.locale(actor);
    const caseId = typeof data.caseId === 'string' ? data.caseId : '';
    if (!CASE_ID.test(caseId)) return { locale, screen: message('badRequest') };
    // A whole number, or its digits as text; true, [1] or "0x1" are not revisions.
    const rev =
      typeof data.rev === 'number' ? data.rev : typeof data.rev === 'string' && /^\d{1,9}$/.test(data.rev) ? Number(data.rev) : Number.NaN;
    for (let attempt = 0; attempt < 4; attempt++) {
      const stored = await deps.cases.get(caseId);
      if (!stored) return { locale, screen: message('unknownCase') };
      const c = stored.value;
      if (!canSee(c, actor.id)) return { locale, screen: message('forbidden') };
      const department = await deps.directory.department(c.departmentId);
      if (!department) return { locale, screen: message('unknownCase') };
      const here: CaseTurn = { ...turn, locale, case: c, department, rev };
      // A missing or malformed revision: nothing changes.
      if (handler.needsRev && !Number.isInteger(rev)) {
        const screen = (await handler.malformed?.(deps, here, data)) ?? (await screenFor(deps, c, notice('badRequest', 'warning')));
        return { locale, screen };
      }
      let token: string | undefined;
      if (handler.graph) {
        const granted = deps.graph ? await deps.graph.token(actor) : undefined;
        if (!granted?.ok) return { locale, signIn: true, screen: stateScreen(c, department, notice('signIn', 'warning')) };
        token = granted.token;
      }
      const decoded: Decoded = await handler.decode(deps, { ...here, ...(token ? { token } : {}) }, data);
      if ('view' in decoded) return decoded.view;
      if ('screen' in decoded) return { locale, screen: decoded.screen };
      const result = transition(c, decoded.command, { now: deps.clock.now(), actor: actor.id, policy: deps.policy });
      if (!result.ok) return { locale, screen: await screenFor(deps, c, notice(rejection(result), 'warning')) };
      // Idempotent effects run before the save, so a crash in between is repaired by the next click.
      if (!(await this.runEffects(result.effects, c)))
        return { locale, screen: await screenFor(deps, c, notice('notAllowedNow', 'warning')) };
      const saved = await deps.cases.replace(result.state, stored.etag);
      if (saved === 'conflict') continue; // someone else saved first: re-read; a stale command then shows the current card
      const graphEffects = result.effects.filter(isGraphEffect);
      if (token && graphEffects.length)
        return afterGraph(deps, actor, locale, result.state, graphEffects, token, decoded.graphNotice ?? (() => undefined), turn.target);
      const chained = decoded.next ? await this.next(here, result.state, decoded.next) : undefined;
      if (chained) return chained;
      const shown = await decoded.show?.(result.state);
      if (shown) return 'screen' in shown ? shown : { locale, screen: shown };
      return { locale, screen: await screenFor(deps, result.state, decoded.notice) };
    }
    return showCase(deps, actor, caseId, locale, notice('stale', 'warning'));
  }

  /**
   * A Graph step taken at once after a saved action, if the manager is signed in. One attempt: when somebody else
   * saved first or the step is not allowed, nothing is done and the caller shows the saved case (the card offers the step).
   */
  private async next(turn: CaseTurn, saved: Case, make: (c: Case) => Command | undefined): Promise<View | undefined> {
    const { deps } = this;
    const granted = deps.graph && make(saved) ? await deps.graph.token(turn.actor) : undefined;
    if (!granted?.ok) return undefined;
    const stored = await deps.cases.get(saved.id);
    const command = stored && make(stored.value);
    if (!stored || !command) return undefined;
    const result = transition(stored.value, command, { now: deps.clock.now(), actor: turn.actor.id, policy: deps.policy });
    if (!result.ok || (await deps.cases.replace(result.state, stored.etag)) !== 'saved') return undefined;
    const effects = result.effects.filter(isGraphEffect);
    return afterGraph(deps, turn.actor, turn.locale, result.state, effects, granted.token, () => undefined, turn.target);
  }

  /** Returns false when an effect cannot be carried out; the transition is then not saved. */
  private async runEffects(effects: readonly Effect[], c: CaseTurn['case']): Promise<boolean> {
    for (const effect of effects) {
      if (effect.kind === 'indexFollowUp') await this.deps.cases.indexFollowUp(effect.employeeId, c.id);
      if (effect.kind === 'createEscalatedIncident' && c.kind === 'warning') {
        const incident = newIncident(
          { id: effect.incidentId, ownerId: c.ownerId, departmentId: c.departmentId, locale: c.locale, now: this.deps.clock.now() },
          c,
        );
        if ((await this.deps.cases.create(incident)) === 'exists') {
          // The id is derived from the warning; a case under it must be this warning's own escalation.
          const existing = await this.deps.cases.get(effect.incidentId);
          const ours = existing?.value.kind === 'incident' && existing.value.escalatedFrom === c.id && existing.value.ownerId === c.ownerId;
          if (!ours) return false;
        }
      }
    }
    return true;
  }
}

const REJECTIONS: Readonly<Record<Extract<TransitionResult, { ok: false }>['reason'], Notice['code']>> = {
  stale: 'stale',
  unknownAction: 'badRequest',
  notAllowedNow: 'notAllowedNow',
  guardrail: 'notAllowedNow',
  closed: 'evidenceClosed',
  duplicate: 'evidenceDuplicate',
  invalid: 'invalidInput',
};

function rejection(result: Extract<TransitionResult, { ok: false }>): Notice['code'] {
  return REJECTIONS[result.reason];
}

const BAD_REQUEST: CaseHandler<VerbName> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (_deps, { case: c, department }) => ({ screen: stateScreen(c, department, notice('badRequest', 'warning')) }),
};
