import { isKind, nextDue } from '../domain/assessment';
import { type Case, canSee, type IncidentCase, type PersonRef, type WarningCase } from '../domain/case';
import { danishDate } from '../domain/dates';
import { renderIncidentDraft, renderWarningDraft } from '../domain/drafts';
import { type Locale, toLocale } from '../domain/i18n';
import { intakeValues, LIMITS, readIntakeValues, splitIds, validateIntake } from '../domain/intake';
import { manualSlot, type Slot } from '../domain/meeting';
import type { Policy } from '../domain/policy';
import { deletionDate } from '../domain/retention';
import { checkSupportMessage, type GuardrailIssue, MESSAGE_LIMIT } from '../domain/support-message';
import { cleanLine, cleanText, truncate } from '../domain/text';
import { type Command, type Effect, newIncident, newWarning, transition } from '../domain/transition';
import { validateWarning } from '../domain/warning';
import { CASE_ID, type CaseRepository } from './case-repository';
import type { Department, Directory } from './directory';
import { isCoded } from './errors';
import type { GraphPort, TokenResult } from './graph-port';
import { type GraphWork, isGraphEffect } from './graph-work';
import type { CaseSummary, Notice, Screen, View } from './screens';
import { Verb } from './verbs';

/** Who is acting, as the channel told us. */
export interface Actor {
  /** Directory (Entra object) id; the key for ownership and department membership. */
  readonly id: string;
  readonly name: string;
  /** The locale the Teams client reported. */
  readonly locale?: string;
  /** The manager's delegated Graph token for this turn (Teams SSO), when the channel can give one. */
  readonly token?: () => Promise<TokenResult>;
}

export interface Clock {
  now(): Date;
}

/** Where a card is shown, as the bot knows it; opaque here. Used to update the card when slow work ends. */
export type CardTarget = { readonly kind: 'card-target' };

export interface CardUpdater {
  update(target: CardTarget, view: View): Promise<void>;
}

export interface CaseServiceDeps {
  readonly cases: CaseRepository;
  readonly directory: Directory;
  readonly policy: Policy;
  readonly clock: Clock;
  /** New random case id (lower-case base32). */
  readonly newId: () => string;
  /** Meeting and channel post through Graph; absent, those actions stay manual. */
  readonly graph?: {
    readonly work: GraphWork;
    readonly token: (actor: Actor) => Promise<TokenResult>;
    readonly updater: CardUpdater;
    /** How long a card action waits for Graph before it answers "working…" and updates the card later. */
    readonly budgetMs: number;
    readonly onBackgroundError: (e: unknown) => void;
    /** Looks up people chosen with the people picker; absent, only department members can be named. */
    readonly users?: GraphPort['users'];
  };
}

const GRAPH_VERBS: ReadonlySet<string> = new Set([
  Verb.meetingSearch,
  Verb.meetingBook,
  Verb.meetingCancel,
  Verb.meetingMove,
  Verb.postSend,
]);

type Data = Readonly<Record<string, unknown>>;

const notice = (code: Notice['code'], tone: Notice['tone'] = 'accent'): Notice => ({ code, tone });
const message = (code: Notice['code'], tone: Notice['tone'] = 'warning'): Screen => ({ kind: 'message', notice: notice(code, tone) });

/**
 * Every card action and text command ends here: load the case, check who is asking,
 * run the state machine, save with the eTag, carry out effects, and say what to show.
 */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  async locale(actor: Actor): Promise<Locale> {
    return (await this.deps.cases.prefs(actor.id)).locale ?? toLocale(actor.locale);
  }

  /** Keeps where to reach the user for retention warnings; written only when it changed. */
  async rememberReference(actor: Actor, reference: Readonly<Record<string, unknown>>): Promise<void> {
    const prefs = await this.deps.cases.prefs(actor.id);
    if (JSON.stringify(prefs.reference) !== JSON.stringify(reference)) await this.deps.cases.setPrefs(actor.id, { reference });
  }

  async welcome(actor: Actor): Promise<View> {
    return { screen: { kind: 'welcome' }, locale: await this.locale(actor) };
  }

  async start(actor: Actor, n?: Notice): Promise<View> {
    const departments = await this.deps.directory.departmentsManagedBy(actor.id);
    const screen: Screen = departments.length
      ? { kind: 'start', startId: this.deps.newId(), departments, ...(n ? { notice: n } : {}) }
      : message('notManager');
    return { screen, locale: await this.locale(actor) };
  }

  async myCases(actor: Actor, n?: Notice): Promise<View> {
    const items = await this.deps.cases.openFor(actor.id, (c) => this.summary(c));
    return { screen: { kind: 'myCases', items, ...(n ? { notice: n } : {}) }, locale: await this.locale(actor) };
  }

  /** A card action. Never throws for anything the payload holds; storage outages come back as a retry card. */
  async handle(actor: Actor, verb: string, data: Data, target?: CardTarget): Promise<View> {
    try {
      return await this.route(actor, verb, data, target);
    } catch (e) {
      if (!isCoded(e, 'storage_unavailable')) throw e;
      const locale = await this.locale(actor).catch(() => toLocale(actor.locale));
      return { locale, screen: { kind: 'message', notice: notice('storageUnavailable', 'attention'), retry: { verb, data } } };
    }
  }

  private async route(actor: Actor, verb: string, data: Data, target?: CardTarget): Promise<View> {
    switch (verb) {
      case Verb.start:
        return this.start(actor);
      case Verb.myCases:
        return this.myCases(actor);
      case Verb.language: {
        const locale = data.locale === 'en' ? 'en' : 'da';
        await this.deps.cases.setPrefs(actor.id, { locale });
        return this.start(actor, notice('languageChanged', 'good'));
      }
      case Verb.newIncident:
      case Verb.newWarning:
        return this.create(actor, verb, data);
      default:
        return this.onCase(actor, verb, data, target);
    }
  }

  private async create(actor: Actor, verb: string, data: Data): Promise<View> {
    const locale = await this.locale(actor);
    const id = typeof data.startId === 'string' ? data.startId : '';
    if (!CASE_ID.test(id)) return { locale, screen: message('badRequest') };
    const departments = await this.deps.directory.departmentsManagedBy(actor.id);
    const department = departments.find((d) => d.id === data.departmentId) ?? departments[0];
    if (!department) return { locale, screen: message('notManager') };
    const n = { id, ownerId: actor.id, departmentId: department.id, locale, now: this.deps.clock.now() };
    const fresh = verb === Verb.newIncident ? newIncident(n) : newWarning(n);
    // The start card's id becomes the case id, so a double click opens the same case instead of a second one.
    // showCase refuses when that id is somebody else's case.
    if (!(await this.deps.cases.get(id))) await this.deps.cases.create(fresh);
    return this.showCase(actor, id, locale);
  }

  private async showCase(actor: Actor, caseId: string, locale: Locale, n?: Notice): Promise<View> {
    const stored = await this.deps.cases.get(caseId);
    if (!stored) return { locale, screen: message('unknownCase') };
    if (!canSee(stored.value, actor.id)) return { locale, screen: message('forbidden') };
    return { locale, screen: await this.screenFor(stored.value, n) };
  }

  private async onCase(actor: Actor, verb: string, data: Data, target?: CardTarget): Promise<View> {
    const locale = await this.locale(actor);
    const caseId = typeof data.caseId === 'string' ? data.caseId : '';
    // A whole number, or its digits as text; true, [1] or "0x1" are not revisions.
    const rev =
      typeof data.rev === 'number' ? data.rev : typeof data.rev === 'string' && /^\d{1,9}$/.test(data.rev) ? Number(data.rev) : Number.NaN;
    if (!CASE_ID.test(caseId)) return { locale, screen: message('badRequest') };
    if (verb === Verb.open) return this.showCase(actor, caseId, locale);
    if (verb === Verb.exportCase) return this.withCase(actor, caseId, locale, verb, data, rev);
    if (!Number.isInteger(rev)) return this.malformed(actor, caseId, locale, verb, data);
    return this.withCase(actor, caseId, locale, verb, data, rev, target);
  }

  /** A missing or malformed revision: nothing changes; an intake comes back with what was typed. */
  private async malformed(actor: Actor, caseId: string, locale: Locale, verb: string, data: Data): Promise<View> {
    const stored = await this.deps.cases.get(caseId);
    const c = stored?.value;
    if (verb === Verb.intakeSubmit && c?.kind === 'incident' && c.status === 'intake' && canSee(c, actor.id)) {
      const department = await this.department(c);
      if (department)
        return {
          locale,
          screen: {
            kind: 'intake',
            case: c,
            department,
            values: readIntakeValues(data, this.deps.policy),
            notice: notice('badRequest', 'warning'),
          },
        };
    }
    return this.showCase(actor, caseId, locale, notice('badRequest', 'warning'));
  }

  private async withCase(
    actor: Actor,
    caseId: string,
    locale: Locale,
    verb: string,
    data: Data,
    rev: number,
    target?: CardTarget,
  ): Promise<View> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const stored = await this.deps.cases.get(caseId);
      if (!stored) return { locale, screen: message('unknownCase') };
      const c = stored.value;
      if (!canSee(c, actor.id)) return { locale, screen: message('forbidden') };
      const department = await this.department(c);
      if (!department) return { locale, screen: message('unknownCase') };

      if (verb === Verb.exportCase) {
        const names = Object.fromEntries(department.members.map((m) => [m.id, m.name]));
        const deleteOn = deletionDate(c, this.deps.policy);
        return { locale, screen: { kind: 'export', case: c, department, names, ...(deleteOn ? { deleteOn } : {}) } };
      }
      if (verb === Verb.deleteCase) {
        // Only the manager who opened the case may delete it; managers added to it may not.
        if (c.ownerId !== actor.id) return { locale, screen: this.stateScreen(c, department, notice('ownerOnly', 'warning')) };
        if (c.rev !== rev) return { locale, screen: this.stateScreen(c, department, notice('stale', 'warning')) };
        await this.deps.cases.delete(c, 'owner', this.deps.clock.now());
        return this.myCases(actor, notice('deleted', 'good'));
      }
      if (verb === Verb.showDraft || verb === Verb.details)
        return { locale, screen: this.detailsScreen(c, actor, department, locale, data) };
      // Not doing a recommended action is a decision for the record: it needs its reason. The details stay open.
      if (verb === Verb.actionNotRelevant && !cleanLine(data[`ref_${String(data.actionId)}`])) {
        const screen = this.detailsScreen(c, actor, department, locale, data);
        return { locale, screen: screen.kind === 'plan' ? { ...screen, notice: notice('reasonRequired', 'attention') } : screen };
      }

      let token: string | undefined;
      if (GRAPH_VERBS.has(verb)) {
        const graph = this.deps.graph;
        const granted = graph ? await graph.token(actor) : undefined;
        if (!granted?.ok) return { locale, signIn: true, screen: this.stateScreen(c, department, notice('signIn', 'warning')) };
        token = granted.token;
      }

      const picked = verb === Verb.intakeSubmit ? await this.pickedPeople(actor, data, department) : [];
      if ('signIn' in picked) return { locale, signIn: true, screen: this.stateScreen(c, department, notice('signIn', 'warning')) };
      const escalationId = verb === Verb.warningEscalate ? await this.escalationId(c) : undefined;
      const parsed = this.command(verb, data, rev, c, department, picked, escalationId);
      if ('screen' in parsed) return { locale, screen: parsed.screen };
      const result = transition(c, parsed.command, { now: this.deps.clock.now(), actor: actor.id, policy: this.deps.policy });
      if (!result.ok) {
        const code = result.reason === 'stale' ? 'stale' : result.reason === 'unknownAction' ? 'badRequest' : 'notAllowedNow';
        return { locale, screen: await this.screenFor(c, notice(code, 'warning')) };
      }
      // Idempotent effects run before the save, so a crash in between is repaired by the next click.
      if (!(await this.runEffects(result.effects, c)))
        return { locale, screen: await this.screenFor(c, notice('notAllowedNow', 'warning')) };
      const saved = await this.deps.cases.replace(result.state, stored.etag);
      if (saved === 'conflict') continue; // someone else saved first: re-read; a stale command then shows the current card
      const graphEffects = result.effects.filter(isGraphEffect);
      if (token && graphEffects.length) return this.afterGraph(actor, locale, result.state, graphEffects, token, parsed.command, target);
      if (parsed.post) return { locale, screen: this.postScreen(result.state, department, parsed.post) };
      if (parsed.command.type === 'assessment.confirm') {
        const searching = await this.autoSearch(actor, locale, result.state, target);
        if (searching) return searching;
      }
      return { locale, screen: await this.screenFor(result.state, doneNotice(parsed.command)) };
    }
    return this.showCase(actor, caseId, locale, notice('stale', 'warning'));
  }

  /**
   * A confirmed plan with the meeting starts looking for times at once, saving the manager a click.
   * Without a Graph token (not signed in yet) the plan is simply shown; "Find mødetid" is on the card.
   */
  private async autoSearch(actor: Actor, locale: Locale, c: Case, target?: CardTarget): Promise<View | undefined> {
    const graph = this.deps.graph;
    if (!graph || c.kind !== 'incident' || !c.plan?.some((a) => isKind(this.deps.policy, a.actionId, 'meeting'))) return undefined;
    const granted = await graph.token(actor);
    if (!granted.ok) return undefined;
    const stored = await this.deps.cases.get(c.id);
    if (!stored) return undefined;
    const command: Command = { type: 'meeting.search', rev: stored.value.rev };
    const result = transition(stored.value, command, { now: this.deps.clock.now(), actor: actor.id, policy: this.deps.policy });
    if (!result.ok || (await this.deps.cases.replace(result.state, stored.etag)) !== 'saved') return undefined;
    return this.afterGraph(actor, locale, result.state, result.effects.filter(isGraphEffect), granted.token, command, target);
  }

  /**
   * Waits for Graph within the budget. If Graph is slower, the manager gets the "working…" card now,
   * and the card is updated in place when Graph answers (or fails).
   */
  private async afterGraph(
    actor: Actor,
    locale: Locale,
    state: Case,
    effects: Parameters<GraphWork['run']>[1],
    token: string,
    command: Command,
    target?: CardTarget,
  ): Promise<View> {
    const graph = this.deps.graph;
    if (!graph) return { locale, screen: await this.screenFor(state) };
    const work = graph.work.run(state.id, effects, token, actor.id, locale);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graph.budgetMs);
    });
    const first = await Promise.race([work.then((c) => c ?? state), late]);
    clearTimeout(timer);
    if (first !== 'late') return { locale, screen: await this.screenFor(first, graphNotice(command, first)) };
    void work
      .then(async (final) => {
        if (!target || !final) return;
        await graph.updater.update(target, { locale, screen: await this.screenFor(final, graphNotice(command, final)) });
      })
      .catch(graph.onBackgroundError);
    return { locale, screen: await this.screenFor(state) };
  }

  private command(
    verb: string,
    data: Data,
    rev: number,
    c: Case,
    department: Department,
    picked: readonly PersonRef[] = [],
    escalationId?: string,
  ): { command: Command; post?: { issues: GuardrailIssue[]; preview: boolean } } | { screen: Screen } {
    const today = danishDate(this.deps.clock.now());
    switch (verb) {
      case Verb.intakeSubmit: {
        if (c.kind !== 'incident') return { screen: message('badRequest') };
        if (c.rev !== rev && c.status === 'intake')
          return {
            screen: {
              kind: 'intake',
              case: c,
              department,
              values: readIntakeValues(data, this.deps.policy),
              notice: notice('stale', 'warning'),
            },
          };
        if (c.rev !== rev) return { screen: this.stateScreen(c, department, notice('stale', 'warning')) };
        if (c.status !== 'intake') return { screen: this.stateScreen(c, department, notice('notAllowedNow', 'warning')) };
        const result = validateIntake(
          data,
          this.deps.policy,
          [...department.members.map((m) => ({ id: m.id, name: m.name })), ...picked],
          today,
        );
        if (!result.ok)
          return {
            screen: {
              kind: 'intake',
              case: c,
              department,
              values: result.values,
              errors: result.errors,
              notice: notice('invalidInput', 'attention'),
            },
          };
        return { command: { type: 'intake.submit', rev, intake: result.intake } };
      }
      case Verb.assessmentEdit:
        return { command: { type: 'assessment.edit', rev } };
      case Verb.assessmentConfirm: {
        const ids = this.deps.policy.actions.map((a) => a.id);
        const keep = ids.filter((id) => data[`keep_${id}`] === 'true' || data[`keep_${id}`] === true);
        const add = typeof data.add === 'string' ? data.add.split(',').filter((id) => ids.includes(id)) : [];
        return { command: { type: 'assessment.confirm', rev, keep, add } };
      }
      case Verb.actionDone:
      case Verb.actionNotRelevant:
      case Verb.actionReopen: {
        const actionId = typeof data.actionId === 'string' ? data.actionId : '';
        if (verb === Verb.actionReopen) return { command: { type: 'action.reopen', rev, actionId } };
        const raw = cleanLine(data[`ref_${actionId}`]);
        if ([...raw].length > LIMITS.reference) return { screen: this.stateScreen(c, department, notice('invalidInput', 'attention')) };
        const reference = raw;
        const type = verb === Verb.actionNotRelevant ? 'action.notRelevant' : 'action.done';
        return { command: { type, rev, actionId, ...(reference ? { reference } : {}) } };
      }
      case Verb.close:
        return { command: { type: 'case.close', rev } };
      case Verb.warningSubmit: {
        if (c.kind !== 'warning') return { screen: message('badRequest') };
        if (c.rev !== rev) return { screen: this.stateScreen(c, department, notice('stale', 'warning')) };
        const result = validateWarning(data, this.deps.policy, department.members, today);
        if (!result.ok)
          return {
            screen: {
              kind: 'warning',
              case: c,
              department,
              values: result.values,
              errors: result.errors,
              notice: notice('invalidInput', 'attention'),
            },
          };
        return { command: { type: 'warning.submit', rev, warning: result.warning } };
      }
      case Verb.meetingSearch:
        return { command: { type: 'meeting.search', rev } };
      case Verb.meetingBook: {
        const slot = this.slotFrom(data, c);
        if (!slot) return { screen: this.stateScreen(c, department, notice('badSlot', 'attention')) };
        return { command: { type: 'meeting.book', rev, slot } };
      }
      case Verb.meetingCancel:
        return { command: { type: 'meeting.cancel', rev } };
      case Verb.meetingMove: {
        const slot = this.slotFrom({ ...data, slot: 'manual' }, c);
        if (!slot) return { screen: this.stateScreen(c, department, notice('badSlot', 'attention')) };
        return { command: { type: 'meeting.move', rev, slot } };
      }
      case Verb.postPreview:
      case Verb.postSend: {
        if (c.kind !== 'incident' || !c.intake) return { screen: message('badRequest') };
        const text = truncate(cleanText(data.postText), MESSAGE_LIMIT + 1);
        const consent = data.postConsent === 'true' || data.postConsent === true;
        const issues = checkSupportMessage(text, consent, c.intake);
        // A refused or previewed message is saved as typed, so nothing the manager wrote is lost.
        if (verb === Verb.postPreview || issues.length)
          return { command: { type: 'post.save', rev, text, consent }, post: { issues, preview: verb === Verb.postPreview } };
        return { command: { type: 'post.send', rev, text, consent } };
      }
      case Verb.postConfirm:
        return { command: { type: 'post.confirm', rev } };
      case Verb.warningEscalate:
        return { command: { type: 'warning.escalate', rev, incidentId: escalationId ?? `${c.id}x` } };
      default:
        return { screen: this.stateScreen(c, department, notice('badRequest', 'warning')) };
    }
  }

  /**
   * People chosen with the Teams people picker who are not in the department's member list:
   * their names and addresses come from Graph, never from the card.
   */
  private async pickedPeople(actor: Actor, data: Data, department: Department): Promise<PersonRef[] | { signIn: true }> {
    const known = new Set(department.members.map((m) => m.id));
    const unknown = splitIds(data.employees)
      .filter((id) => !known.has(id) && /^[0-9a-f-]{36}$/i.test(id))
      .slice(0, LIMITS.employees);
    const graph = this.deps.graph;
    if (!unknown.length || !graph?.users) return [];
    const token = await graph.token(actor);
    if (!token.ok) return { signIn: true };
    const found = await graph.users(token.token, unknown);
    return found.ok ? found.value.map((u) => ({ id: u.id, name: u.name, ...(u.upn ? { upn: u.upn } : {}) })) : [];
  }

  /** A suggested slot ("start|end") or the manual date and time, checked; never trusted as sent. */
  private slotFrom(data: Data, c: Case): Slot | undefined {
    const minutes = this.deps.policy.meeting.durationMinutes;
    const now = this.deps.clock.now();
    if (data.slot === undefined || data.slot === 'manual')
      return manualSlot(cleanLine(data.manualDate), cleanLine(data.manualTime), minutes, now);
    if (typeof data.slot !== 'string') return undefined;
    // Only a time Graph offered, or the one already being booked (a retry), is taken as sent.
    const m = c.kind === 'incident' ? c.meeting : undefined;
    const offered = [...(m?.suggestions ?? []), ...(m?.slot ? [m.slot] : [])];
    const chosen = offered.find((o) => `${o.start}|${o.end}` === data.slot);
    if (!chosen || new Date(chosen.start).getTime() < now.getTime() - 5 * 60_000) return undefined;
    return chosen;
  }

  private postScreen(c: Case, department: Department, post: { issues: GuardrailIssue[]; preview: boolean }): Screen {
    if (c.kind !== 'incident') return this.stateScreen(c, department);
    const actionId = c.plan?.find((a) => isKind(this.deps.policy, a.actionId, 'channelPost'))?.actionId;
    return {
      kind: 'plan',
      case: c,
      department,
      ...(actionId ? { expanded: { actionId } } : {}),
      post,
      ...(post.issues.length ? { notice: notice('postBlocked', 'attention') } : {}),
    };
  }

  /**
   * The incident a warning escalates into. Derived from the warning, so a repeated click finds the same one;
   * if somebody else's case already has that id, a fresh id is used instead.
   */
  private async escalationId(c: Case): Promise<string> {
    const derived = `${c.id}x`;
    const existing = await this.deps.cases.get(derived);
    if (!existing) return derived;
    const ours = existing.value.kind === 'incident' && existing.value.escalatedFrom === c.id && existing.value.ownerId === c.ownerId;
    return ours ? derived : this.deps.newId();
  }

  /** Returns false when an effect cannot be carried out; the transition is then not saved. */
  private async runEffects(effects: readonly Effect[], c: Case): Promise<boolean> {
    for (const effect of effects) {
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

  /** View only: opens one action (or the warning's journal note) without changing the case. */
  private detailsScreen(c: Case, actor: Actor, department: Department, locale: Locale, data: Data): Screen {
    const ctx = { locale, manager: actor.name, department: department.name, today: danishDate(this.deps.clock.now()) };
    if (c.kind === 'warning') {
      const draft = renderWarningDraft(this.deps.policy, c, ctx);
      return { kind: 'warning', case: c, department, ...(draft ? { draft } : {}) };
    }
    if (c.status !== 'plan' && c.status !== 'closed') return this.stateScreen(c, department, notice('notAllowedNow', 'warning'));
    const actionId = typeof data.actionId === 'string' ? data.actionId : '';
    if (!c.plan?.some((a) => a.actionId === actionId)) return this.stateScreen(c, department, notice('badRequest', 'warning'));
    const def = this.deps.policy.actions.find((a) => a.id === actionId);
    const draft = def?.draft ? renderIncidentDraft(this.deps.policy, def.draft, c, ctx) : undefined;
    return { kind: 'plan', case: c, department, expanded: { actionId, ...(draft ? { draft } : {}) } };
  }

  private async screenFor(c: Case, n?: Notice): Promise<Screen> {
    const department = await this.department(c);
    if (!department) return message('unknownCase');
    if (c.kind === 'warning' && c.status === 'escalated' && c.escalatedTo) {
      const incident = await this.deps.cases.get(c.escalatedTo);
      const own = incident?.value.kind === 'incident' && incident.value.escalatedFrom === c.id && canSee(incident.value, c.ownerId);
      if (incident && own) return this.stateScreen(incident.value, department, notice('escalated', 'good'));
    }
    return this.stateScreen(c, department, n);
  }

  private stateScreen(c: Case, department: Department, n?: Notice): Screen {
    const extra = n ? { notice: n } : {};
    if (c.kind === 'warning') return { kind: 'warning', case: c, department, ...extra };
    switch (c.status) {
      case 'intake':
        return { kind: 'intake', case: c, department, ...(c.intake ? { values: intakeValues(c.intake) } : {}), ...extra };
      case 'assessment':
        return { kind: 'assessment', case: c, department, ...extra };
      default:
        return { kind: 'plan', case: c, department, ...extra };
    }
  }

  private department(c: Case): Promise<Department | undefined> {
    return this.deps.directory.department(c.departmentId);
  }

  private summary(c: Case): CaseSummary {
    const incident = c.kind === 'incident' ? (c as IncidentCase) : undefined;
    const warning = c.kind === 'warning' ? (c as WarningCase) : undefined;
    const actions = incident?.plan ?? incident?.proposal ?? [];
    const next = incident?.plan ? nextDue(this.deps.policy, incident.plan) : undefined;
    return {
      id: c.id,
      kind: c.kind,
      status: c.status,
      rev: c.rev,
      createdAt: c.createdAt,
      employees: (incident?.intake?.employees ?? incident?.prefill?.employees ?? warning?.warning?.employees ?? []).map((e) => e.name),
      ...(next ? { next } : {}),
      openCount: actions.filter((a) => a.status === 'open').length,
    };
  }
}

/** After Graph: say what happened, or nothing when the card itself shows the failure. */
function graphNotice(cmd: Command, c: Case): Notice | undefined {
  if (c.kind !== 'incident') return undefined;
  if (cmd.type === 'meeting.book' && c.meeting?.status === 'booked') return notice('meetingBooked', 'good');
  if (cmd.type === 'meeting.move' && c.meeting?.status === 'booked' && !c.meeting.error) return notice('meetingMoved', 'good');
  if (cmd.type === 'post.send' && c.post?.status === 'posted') return notice('posted', 'good');
  return undefined;
}

function doneNotice(cmd: Command): Notice | undefined {
  switch (cmd.type) {
    case 'action.done':
      return notice('actionDone', 'good');
    case 'action.notRelevant':
      return notice('actionNotRelevant', 'accent');
    case 'action.reopen':
      return notice('actionReopened', 'accent');
    case 'case.close':
      return notice('closed', 'good');
    case 'warning.submit':
      return notice('saved', 'good');
    default:
      return undefined;
  }
}
