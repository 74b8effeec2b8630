import { createHash } from 'node:crypto';
/**
 * Every card the bot sends, in the characteristic states a manager meets, for `npm run preview`.
 * The states are made the way the bot makes them: intake validated, assessed and planned by the domain's own
 * transitions, Graph's answers applied as result commands. No card JSON is written by hand here, so a card or text
 * that changes shows up in the preview as it will in Teams.
 */
import type { CardContext } from '../../cards/context';
import { summary } from '../../src/app/actions/views';
import type { Department } from '../../src/app/directory';
import { employeeItem } from '../../src/app/follow-up';
import type { Notice, Screen } from '../../src/app/screens';
import type { TeamInfo } from '../../src/app/team-directory';
import { Verb } from '../../src/app/verbs';
import type { Case, IncidentCase } from '../../src/domain/case';
import { addDays, danishDate } from '../../src/domain/dates';
import { renderIncidentDraft, renderWarningDraft } from '../../src/domain/drafts';
import type { EvidenceItem } from '../../src/domain/evidence';
import { NOTE_MAX } from '../../src/domain/evidence';
import { FILE_NAME_MAX } from '../../src/domain/file-name';
import { checkInStep, claimCheckIn } from '../../src/domain/follow-up';
import type { Locale } from '../../src/domain/i18n';
import { intakeValues, validateIntake } from '../../src/domain/intake';
import type { Slot } from '../../src/domain/meeting';
import type { Policy } from '../../src/domain/policy';
import { reminderStep } from '../../src/domain/reminders';
import { deletionDate } from '../../src/domain/retention';
import { anonymise, type CaseFact, figures } from '../../src/domain/statistics';
import { checkSupportMessage, toChannelHtml } from '../../src/domain/support-message';
import { type Command, newIncident, newWarning, transition } from '../../src/domain/transition';
import { validateWarning } from '../../src/domain/warning';
import demo from '../demo-departments.json';

/** One card in one state; `card` is the screen kind, which names the cards/*.card.ts file that draws it. */
export interface PreviewState {
  readonly card: Screen['kind'];
  readonly state: string;
  readonly screen: Screen;
  /** Without Microsoft Graph the meeting and the message are manual plan items. */
  readonly graph?: false;
}

/** A Tuesday morning in Copenhagen: working hours, so reminders and meeting times behave as on a normal day. */
export const PREVIEW_NOW = new Date('2026-11-24T08:30:00.000Z');

/** A made-up bot app id, for the deep link the manager sends the employee. */
const PREVIEW_BOT_ID = '00000000-0000-0000-0000-0000000000b0';

export const department: Department = demo.departments[0] as Department;
const [manager, anders, sofie] = department.members as [Department['members'][number], ...Department['members']];
const actor = manager.id;
const today = danishDate(PREVIEW_NOW);

export function previewContext(policy: Policy, locale: Locale, s: PreviewState): CardContext {
  return { locale, policy, today, now: PREVIEW_NOW, graph: s.graph ?? true, peoplePicker: true, botId: PREVIEW_BOT_ID };
}

const notice = (code: Notice['code'], tone: Notice['tone']): Notice => ({ code, tone });

/** Runs the real state machine; a step it refuses is a broken preview, reported as such. */
function step<C extends Case>(c: C, cmd: Command, policy: Policy, at: Date = PREVIEW_NOW): C {
  const withRev = 'rev' in cmd ? { ...cmd, rev: c.rev } : cmd;
  const result = transition(c, withRev as Command, { now: at, actor, policy });
  if (!result.ok) throw new Error(`preview state: ${cmd.type} was refused (${result.reason}) in status ${c.status}`);
  return result.state as C;
}

/** Only the characteristics this policy has: a municipality's own POLICY_FILE may name them differently. */
function known(policy: Policy, ids: readonly string[]): string[] {
  return ids.filter((id) => policy.characteristics.some((c) => c.id === id));
}

function intakeForm(characteristics: readonly string[]): Record<string, unknown> {
  return {
    employees: `${anders?.id},${sofie?.id}`,
    urls: 'https://www.facebook.com/groups/sandheden-om-kommunen/posts/4711\nhttps://www.tiktok.com/@borger123/video/7301',
    platform: 'facebook',
    discoveredOn: addDays(today, -1),
    description:
      'En borger har lagt et opslag i en lokal Facebook-gruppe med navn og billede af to rådgivere og skriver, at de "stjæler børn". Flere kommentarer opfordrer til at finde deres adresser.',
    posterName: 'Borger123',
    employeeContacted: 'true',
    evidenceSaved: 'false',
    ...Object.fromEntries(characteristics.map((id) => [`c_${id}`, 'true'])),
  };
}

function submitted(policy: Policy, id: string, characteristics: readonly string[]): IncidentCase {
  const c = newIncident({
    id,
    ownerId: actor,
    departmentId: department.id,
    locale: 'da',
    now: new Date(PREVIEW_NOW.getTime() - 3_600_000),
  });
  const form = validateIntake(intakeForm(characteristics), policy, department.members, today);
  if (!form.ok) throw new Error(`preview state: the sample intake is refused: ${JSON.stringify(form.errors)}`);
  return step(c, { type: 'intake.submit', rev: 0, intake: form.intake }, policy);
}

function confirmed(policy: Policy, c: IncidentCase): IncidentCase {
  const keep = (c.proposal ?? []).map((a) => a.actionId);
  return step(c, { type: 'assessment.confirm', rev: 0, keep, add: [] }, policy);
}

/** Three free times Graph might suggest: this afternoon and tomorrow. */
function suggestions(): Slot[] {
  const at = (hoursFromNow: number): Slot => {
    const start = new Date(Math.ceil(PREVIEW_NOW.getTime() / 1_800_000) * 1_800_000 + hoursFromNow * 3_600_000);
    return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
  };
  return [at(2), at(4.5), at(24)];
}

const names = Object.fromEntries(department.members.map((m) => [m.id, m.name]));

/** The characteristic combinations shown on the assessment card. */
export const COMBINATIONS: readonly { readonly state: string; readonly ids: readonly string[] }[] = [
  { state: 'no characteristic: the basic actions', ids: [] },
  { state: 'imminent danger', ids: ['imminentDanger', 'homeAddressPhotos'] },
  { state: 'direct threat from an anonymous poster', ids: ['directThreat', 'anonymousPoster'] },
  { state: 'indirect threat, systematic campaign', ids: ['indirectThreat', 'systematicCampaign', 'familyNamed'] },
  {
    state: 'accused of a crime, false information, CPR number',
    ids: ['crimeAccusation', 'falseInformation', 'cprNumber', 'sensitiveData'],
  },
  { state: 'in a news medium', ids: ['newsMedium', 'falseInformation'] },
];

/** A screenshot as the bot records it; the longest name a file may have, so the size check sees the worst case. */
function previewEvidence(i: number, by: string, link?: string): EvidenceItem {
  return {
    id: `prevevid${String(i).padStart(4, '0')}`,
    kind: 'file',
    addedBy: by,
    receivedAt: new Date(PREVIEW_NOW.getTime() + i * 60_000).toISOString(),
    name: `${'skærmbillede af opslaget i den lukkede gruppe med kommentarer fra borgere '.repeat(2).slice(0, FILE_NAME_MAX - 8)} ${i}.png`,
    size: 1_000_000 + i,
    sniffedType: 'image/png',
    sha256: createHash('sha256').update(String(i)).digest('hex'),
    ...(link ? { link } : {}),
    note: 'Taget fra medarbejderens egen telefon, før opslaget blev slettet. '.repeat(8).slice(0, NOTE_MAX),
    takenAt: '2026-11-24T08:12',
  };
}

/** Every card in every state worth reading; the same list in both languages. */
export function previewStates(policy: Policy): PreviewState[] {
  const out: PreviewState[] = [];
  const add = (card: Screen['kind'], state: string, screen: Screen, graph?: false) =>
    out.push({ card, state, screen, ...(graph === false ? { graph } : {}) });
  const draftCtx = (locale: Locale) => ({ locale, manager: manager.name, department: department.name, today });

  add('welcome', 'first contact', { kind: 'welcome' });
  add('start', 'one department', { kind: 'start', startId: 'prevstart001', departments: [department] });
  add('start', 'two departments, language changed', {
    kind: 'start',
    startId: 'prevstart002',
    departments: [department, { ...department, id: 'voksen', name: 'Voksenhandicap' }],
    notice: notice('languageChanged', 'good'),
  });

  // 1 · intake
  const fresh = newIncident({ id: 'prevcase0001', ownerId: actor, departmentId: department.id, locale: 'da', now: PREVIEW_NOW });
  add('intake', 'new case', { kind: 'intake', case: fresh, department });
  const refused = validateIntake(
    {
      employees: '',
      urls: 'javascript:alert(1)',
      platform: 'facebook',
      discoveredOn: addDays(today, 3),
      description: '',
      c_directThreat: 'true',
    },
    policy,
    department.members,
    today,
  );
  if (!refused.ok)
    add('intake', 'with errors', {
      kind: 'intake',
      case: fresh,
      department,
      values: refused.values,
      errors: refused.errors,
      notice: notice('invalidInput', 'attention'),
    });

  // 2 · assessment, for characteristic combinations (those the policy knows)
  const every = policy.characteristics.map((c) => c.id);
  const combos = [
    ...COMBINATIONS.map((x) => ({ state: x.state, ids: known(policy, x.ids) })),
    { state: 'every characteristic', ids: every },
  ];
  const seen = new Set<string>();
  let danger: IncidentCase | undefined;
  let threat: IncidentCase | undefined;
  for (const [i, combo] of combos.entries()) {
    const key = combo.ids.join(',');
    if (seen.has(key) && combo.ids.length) continue;
    seen.add(key);
    const c = submitted(policy, `prevassess${String(i).padStart(2, '0')}`, combo.ids);
    if (combo.ids.includes('imminentDanger')) danger = c;
    if (combo.ids.includes('directThreat')) threat = c;
    add('assessment', combo.state, { kind: 'assessment', case: c, department });
  }
  const assessed = threat ?? submitted(policy, 'prevcase0002', known(policy, ['directThreat', 'anonymousPoster']));
  const edited = step(assessed, { type: 'assessment.edit', rev: 0 }, policy);
  if (edited.intake)
    add('intake', 'back from the assessment to correct it', {
      kind: 'intake',
      case: edited,
      department,
      values: intakeValues(edited.intake),
    });

  // 3 · plan
  const dangerPlan = confirmed(policy, danger ?? submitted(policy, 'prevcase0003', known(policy, ['imminentDanger'])));
  add('plan', 'just confirmed, imminent danger', { kind: 'plan', case: dangerPlan, department, notice: notice('saved', 'good') });
  const plan = confirmed(policy, assessed);
  add('plan', 'just confirmed, threat: meeting and message not started', { kind: 'plan', case: plan, department });
  const actions = plan.plan ?? [];
  const manual = actions.filter((a) => a.actionId !== 'meeting' && a.actionId !== 'staffMessage');
  let worked = plan;
  for (const [i, a] of manual.slice(0, 4).entries()) {
    worked =
      i === 1
        ? step(
            worked,
            { type: 'action.notRelevant', rev: 0, actionId: a.actionId, reference: 'Opslaget var allerede fjernet af Facebook.' },
            policy,
          )
        : step(
            worked,
            { type: 'action.done', rev: 0, actionId: a.actionId, ...(i === 0 ? { reference: 'Politiets j.nr. 0100-12345-00001-26' } : {}) },
            policy,
          );
  }
  add('plan', 'in progress: done, not relevant, with references', {
    kind: 'plan',
    case: worked,
    department,
    notice: notice('actionDone', 'good'),
  });
  // "Gem siden nu": a saved page and a login wall on the first link, then "Lav sagsmappe".
  const firstLink = worked.intake?.urls[0] ?? 'https://example.org/';
  const captured = (['content', 'loginWall'] as const).reduce(
    (c, outcome, i) =>
      step(
        c,
        {
          type: 'evidence.add',
          item: {
            id: `cap-${i}`,
            kind: 'capture',
            addedBy: actor,
            receivedAt: PREVIEW_NOW.toISOString(),
            name: 'facebook.com',
            size: 48_213,
            declaredType: 'text/html; charset=utf-8',
            sniffedType: 'text/html',
            sha256: (i ? 'b' : 'a').repeat(64),
            link: firstLink,
            capture: {
              requestedUrl: firstLink,
              finalUrl: firstLink,
              status: outcome === 'content' ? 200 : 401,
              outcome,
              headers: {},
              ...(outcome === 'loginWall' ? { error: 'loginWall' } : {}),
            },
          },
        },
        policy,
      ),
    worked,
  );
  // "Gem siden nu" answers with the Dokumentation section open, where the next link's button is.
  const opened = { kind: 'plan', case: captured, department, evidence: true } as const;
  add('plan', '"Gem siden nu": page saved', { ...opened, notice: notice('captureSaved', 'good') });
  add('plan', '"Gem siden nu": login wall', { ...opened, notice: notice('captureLoginWall', 'warning') });
  add('plan', '"Lav sagsmappe": files offered in the chat', {
    kind: 'plan',
    case: captured,
    department,
    notice: notice('packOffered', 'good'),
  });
  const withDraft = actions.find((a) => policy.actions.find((d) => d.id === a.actionId)?.draft && a.actionId !== 'staffMessage');
  if (withDraft) {
    const def = policy.actions.find((d) => d.id === withDraft.actionId);
    const draft = def?.draft ? renderIncidentDraft(policy, def.draft, worked, draftCtx('da')) : undefined;
    add('plan', `action opened with its draft (${withDraft.actionId})`, {
      kind: 'plan',
      case: worked,
      department,
      expanded: { actionId: withDraft.actionId, ...(draft ? { draft } : {}) },
    });
  }
  add('plan', 'without Microsoft Graph: meeting and message by hand', { kind: 'plan', case: worked, department }, false);
  let allDone = plan;
  for (const a of actions) allDone = step(allDone, { type: 'action.done', rev: 0, actionId: a.actionId }, policy);
  add('plan', 'every action done', { kind: 'plan', case: allDone, department });
  const closed = step(allDone, { type: 'case.close', rev: 0 }, policy);
  add('plan', 'case closed', { kind: 'plan', case: closed, department, notice: notice('closed', 'good') });

  // Evidence: twenty items (names at their longest, one withdrawn), the case choice, the receipt and the limit.
  let documented = plan;
  for (let i = 0; i < 20; i++)
    documented = step(documented, { type: 'evidence.add', item: previewEvidence(i, actor, plan.intake?.urls[0]) }, policy);
  documented = step(
    documented,
    { type: 'evidence.withdraw', rev: 0, evidenceId: 'prevevid0003', reason: 'Forkert person på billedet' },
    policy,
  );
  add('plan', 'twenty evidence items (folded)', { kind: 'plan', case: documented, department });
  add('plan', 'twenty evidence items open, one withdrawn', {
    kind: 'plan',
    case: documented,
    department,
    evidence: true,
    notice: notice('evidenceWithdrawn', 'good'),
  });
  add('evidenceCase', 'files sent with two open cases', {
    kind: 'evidenceCase',
    inboxId: 'f'.repeat(40),
    files: 2,
    cases: [summary(policy, plan), summary(policy, assessed)],
  });
  add('evidenceReceived', 'two stored, one too large, one broken off', {
    kind: 'evidenceReceived',
    case: documented,
    limits: { maxFileBytes: 25 * 1024 * 1024, maxCaseBytes: 250 * 1024 * 1024 },
    outcomes: [
      { name: 'skærmbillede 2026-11-24 kl. 08.12.png', result: 'stored', evidenceId: 'prevevid0019' },
      { name: 'opslag.pdf', result: 'duplicate', evidenceId: 'prevevid0018' },
      { name: 'video.mp4', result: 'fileTooLarge' },
      { name: 'tråd.png', result: 'interrupted' },
    ],
  });
  add('evidenceTooMany', 'too many files in one message', { kind: 'evidenceTooMany', sent: 21, limit: 20 });

  // The meeting panel, one state each, through Graph's answers as the application applies them.
  if (actions.some((a) => a.actionId === 'meeting')) {
    const meeting = (state: string, c: IncidentCase, n?: Notice) =>
      add('plan', `meeting: ${state}`, { kind: 'plan', case: c, department, ...(n ? { notice: n } : {}) });
    const searching = step(plan, { type: 'meeting.search', rev: 0 }, policy);
    meeting('searching', searching);
    const tx = searching.meeting?.transactionId ?? '';
    const choosing = step(searching, { type: 'meeting.found', transactionId: tx, suggestions: suggestions() }, policy);
    meeting('choosing one of three times', choosing);
    meeting(
      'nobody free, choose a time yourself',
      step(searching, { type: 'meeting.found', transactionId: tx, suggestions: [], emptyReason: 'AttendeesUnavailable' }, policy),
    );
    meeting('search failed, Graph busy', step(searching, { type: 'meeting.searchFailed', transactionId: tx, error: 'throttled' }, policy));
    const slot = suggestions()[0] as Slot;
    const booking = step(choosing, { type: 'meeting.book', rev: 0, slot }, policy);
    meeting('booking', booking);
    meeting(
      'booking outcome unknown',
      step(booking, { type: 'meeting.createFailed', transactionId: tx, error: 'unavailable', unknown: true }, policy),
    );
    const booked = step(
      booking,
      {
        type: 'meeting.created',
        transactionId: tx,
        eventId: 'event-1',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/preview',
        slot,
      },
      policy,
    );
    meeting('booked', booked, notice('meetingBooked', 'good'));
    const cancelled = step(
      step(booked, { type: 'meeting.cancel', rev: 0 }, policy),
      { type: 'meeting.cancelled', eventId: 'event-1' },
      policy,
    );
    meeting('cancelled', cancelled);
  }

  // The support message panel: closed, open with the policy's draft, refused, previewed, posting, unknown, posted.
  if (actions.some((a) => a.actionId === 'staffMessage')) {
    const post = (state: string, c: IncidentCase, extra: Partial<Extract<Screen, { kind: 'plan' }>> = {}) =>
      add('plan', `support message: ${state}`, { kind: 'plan', case: c, department, ...extra });
    const def = policy.actions.find((d) => d.id === 'staffMessage');
    const draft = def?.draft ? renderIncidentDraft(policy, def.draft, plan, draftCtx('da')) : undefined;
    post('opened with the draft', plan, { expanded: { actionId: 'staffMessage', ...(draft ? { draft } : {}) } });
    const intake = plan.intake;
    const body = draft?.body ?? 'Kære alle';
    if (intake) {
      const leaky = `${body}\n\n${intake.urls[0]}`;
      const saved = step(plan, { type: 'post.save', rev: 0, text: leaky, consent: false }, policy);
      post('refused: a link and no consent', saved, {
        expanded: { actionId: 'staffMessage' },
        post: { issues: checkSupportMessage(leaky, false, intake), preview: false },
        notice: notice('postBlocked', 'attention'),
      });
    }
    const ready = step(plan, { type: 'post.save', rev: 0, text: body, consent: true }, policy);
    post('preview', ready, { expanded: { actionId: 'staffMessage' }, post: { issues: [], preview: true } });
    const posting = step(ready, { type: 'post.send', rev: 0, text: body, consent: true }, policy);
    post('posting', posting);
    const html = posting.post?.html ?? toChannelHtml(body);
    post('outcome unknown', step(posting, { type: 'post.failed', html, error: 'unavailable', unknown: true }, policy), {
      expanded: { actionId: 'staffMessage' },
    });
    post(
      'posted',
      step(posting, { type: 'post.posted', html, messageId: 'm1', webUrl: 'https://teams.microsoft.com/l/message/preview' }, policy),
      { notice: notice('posted', 'good') },
    );
  }

  // Early warning
  const w = newWarning({ id: 'prevwarn0001', ownerId: actor, departmentId: department.id, locale: 'da', now: PREVIEW_NOW });
  add('warning', 'new', { kind: 'warning', case: w, department });
  const badWarning = validateWarning({ employees: '', description: '', notedOn: addDays(today, 2) }, policy, department.members, today);
  if (!badWarning.ok)
    add('warning', 'with errors', {
      kind: 'warning',
      case: w,
      department,
      values: badWarning.values,
      errors: badWarning.errors,
      notice: notice('invalidInput', 'attention'),
    });
  const goodWarning = validateWarning(
    {
      employees: anders?.id,
      description: 'En borger har skrevet i en Facebook-gruppe, at han vil "tage fat i" sagsbehandleren. Intet opslag med navn endnu.',
      notedOn: today,
      ...Object.fromEntries(policy.warning.suggestions.slice(0, 2).map((s) => [`s_${s.id}`, 'true'])),
    },
    policy,
    department.members,
    today,
  );
  if (goodWarning.ok) {
    const recorded = step(w, { type: 'warning.submit', rev: 0, warning: goodWarning.warning }, policy);
    add('warning', 'recorded', { kind: 'warning', case: recorded, department, notice: notice('saved', 'good') });
    const journal = renderWarningDraft(policy, recorded, draftCtx('da'));
    add('warning', 'journal note opened', { kind: 'warning', case: recorded, department, ...(journal ? { draft: journal } : {}) });
    const escalated = step(recorded, { type: 'warning.escalate', rev: 0, incidentId: 'prevwarn0001x' }, policy);
    add('warning', 'made into a case', { kind: 'warning', case: escalated, department });
    const incident = newIncident(
      { id: 'prevwarn0001x', ownerId: actor, departmentId: department.id, locale: 'da', now: PREVIEW_NOW },
      escalated,
    );
    add('intake', 'from an early warning', { kind: 'intake', case: incident, department, notice: notice('escalated', 'good') });
  }

  // My cases
  add('myCases', 'none open', { kind: 'myCases', items: [] });
  add('myCases', 'three open', {
    kind: 'myCases',
    items: [
      worked,
      assessed,
      ...(goodWarning.ok ? [step(w, { type: 'warning.submit', rev: 0, warning: goodWarning.warning }, policy)] : []),
    ].map((c) => summary(policy, c)),
  });

  // Reminders and retention come from the hourly sweep's own rules, a week and two years on.
  const weekLater = new Date(PREVIEW_NOW.getTime() + 7 * 86_400_000);
  const reminder = reminderStep(worked, policy, weekLater);
  if (reminder.kind === 'remind')
    add('reminder', 'actions due and overdue', { kind: 'reminder', caseId: worked.id, today: reminder.today, due: reminder.due });
  // The employee's follow-up: the manager's panel, the employee's own cards, and the managers' notification.
  const consented = step(worked, { type: 'followUp.start', rev: 0, employeeId: anders.id, consent: true }, policy);
  const item = employeeItem(consented, department, anders.id);
  if (item) add('employee', 'the employee opens the chat', { kind: 'employee', items: [item] });
  add('employee', 'after stop', { kind: 'employee', items: [], notice: notice('followUpStopped', 'accent') });
  const asking = checkInStep(consented, policy, weekLater, () => true);
  if (asking.kind === 'send') {
    const asked = claimCheckIn(consented, asking);
    add('checkIn', 'a week on', { kind: 'checkIn', caseId: asked.id, checkIn: asking.checkIn });
    const comment = 'Det fylder stadig, især når jeg skal på hjemmebesøg.';
    const cmd = { type: 'followUp.answer', checkIn: asking.checkIn, answer: 'mixed', comment } as const;
    const answered = transition(asked, cmd, { now: weekLater, actor: anders.id, policy });
    if (answered.ok && answered.state.kind === 'incident') {
      add('plan', 'employee follow-up answered', { kind: 'plan', case: answered.state, department });
      add('checkInAnswered', 'to the managers', { kind: 'checkInAnswered', caseId: asked.id, answer: 'mixed' });
    }
  }
  const deleteOn = deletionDate(closed, policy);
  if (deleteOn) add('retention', 'closed case to be deleted', { kind: 'retention', caseId: closed.id, deleteOn });

  // Statistics: a department with a year of cases, and a municipality-wide contact's view with a small department
  const fact = (i: number, departmentId: string): CaseFact => ({
    kind: i % 4 === 3 ? 'warning' : 'incident',
    departmentId,
    rev: 1,
    on: addDays(today, -i * 17),
    characteristics: known(policy, i % 2 ? ['directThreat', 'homeAddressPhotos'] : ['crimeAccusation', 'falseInformation']),
    outcomes: i % 3 ? ['takedownRequest'] : ['policeReport', 'takedownRequest'],
    meetingDays: i % 3,
    messageDays: 1 + (i % 2),
    openDue: i < 3 ? [addDays(today, -2)] : [],
  });
  const facts = Array.from({ length: 18 }, (_, i) => fact(i, department.id));
  const statistics = (departmentName: string | undefined, all: CaseFact[], wide: boolean) => ({
    scope: departmentName ? department.id : 'all',
    choices: wide
      ? [
          { id: department.id, name: department.name },
          { id: 'voksen', name: 'Voksenhandicap' },
        ]
      : [{ id: department.id, name: department.name }],
    ...(departmentName ? { departmentName } : {}),
    municipalityWide: wide,
    today,
    figures: anonymise(figures(all, policy, today)),
  });
  add('statistics', 'a department over a year', { kind: 'statistics', model: statistics(department.name, facts, false) });
  const small = [fact(1, 'voksen'), fact(2, 'voksen')];
  add('statistics', 'all departments, one with under 3 cases', {
    kind: 'statistics',
    model: {
      ...statistics(undefined, [...facts, ...small], true),
      perDepartment: [
        { name: department.name, incidents: 14, warnings: 4 },
        { name: 'Voksenhandicap', incidents: 'under3', warnings: 0 },
      ],
    },
  });
  add('statistics', 'a department with under 3 cases', { kind: 'statistics', model: statistics('Voksenhandicap', small, false) });

  // Export of the record, and the team setup card
  add('export', 'case with a plan in progress', { kind: 'export', case: worked, department, names });
  add('export', 'closed case', { kind: 'export', case: closed, department, names, ...(deleteOn ? { deleteOn } : {}) });
  const team: TeamInfo = {
    id: department.teamId ?? 'team',
    name: department.name,
    channels: [
      { id: 'general', name: 'General' },
      { id: department.channelId ?? 'ledelse', name: 'Nyt fra ledelsen' },
    ],
    members: department.members,
  };
  add('setup', 'first setup in a team', { kind: 'setup', team });
  add('setup', 'saved', { kind: 'setup', team, current: department, notice: notice('setupSaved', 'good') });
  add('setup', 'refused', { kind: 'setup', team, current: department, notice: notice('setupInvalid', 'attention') });

  // Messages instead of a case card
  add('message', 'storage unavailable, with retry', {
    kind: 'message',
    notice: notice('storageUnavailable', 'attention'),
    retry: { verb: Verb.intakeSubmit, data: { caseId: fresh.id, rev: 1 } },
  });
  add('message', 'not your case', { kind: 'message', notice: notice('forbidden', 'warning') });
  add('message', 'card out of date', { kind: 'message', notice: notice('stale', 'accent') });
  return out;
}
