import type { Case, IncidentCase } from '../../domain/case';
import { DESCRIBE_MAX, type EvidenceAbout } from '../../domain/evidence';
import { LIMITS } from '../../domain/intake';
import { cleanLine, parseWebUrl } from '../../domain/text';
import type { Department } from '../directory';
import { EvidenceIntake } from '../evidence-intake';
import type { Notice, Screen } from '../screens';
import type { Verb } from '../verbs';
import { type Data, message, notice } from './context';
import type { CaseHandler } from './handler';
import { stateScreen } from './views';

/** The choices on the link list besides the case's links: a new link (typed beside it), or none in particular. */
export const NEW_LINK = 'new';
export const NO_LINK = 'none';
const EVIDENCE_ID = /^[a-z0-9]{8,40}$/;

/** "Hvilken sag?": the files waiting in the inbox go into the case the manager picked (if they may see it and it is open). */
export const evidenceCase: CaseHandler<typeof Verb.evidenceCase> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  async decode(deps, turn, data) {
    if (!deps.evidence) return { screen: stateScreen(turn.case, turn.department, notice('notAllowedNow', 'warning')) };
    const inboxId = typeof data.inboxId === 'string' ? data.inboxId : '';
    const intake = new EvidenceIntake({ ...deps, evidence: deps.evidence });
    return { view: await intake.storeInto(turn.actor, turn.case.id, inboxId, turn.locale, turn.attachmentToken) };
  },
};

/** "Gem oplysningerne": the link the new items document, a note and when they were taken. */
export const evidenceDescribe: CaseHandler<typeof Verb.evidenceDescribe> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  async decode(_deps, { case: c, department }, data) {
    if (c.kind !== 'incident') return { screen: message('badRequest') };
    const ids = typeof data.ids === 'string' ? data.ids.split(',').filter((id) => EVIDENCE_ID.test(id)) : [];
    const about = describedAs(c, data);
    if (!ids.length || ids.length > DESCRIBE_MAX) return { screen: stateScreen(c, department, notice('badRequest', 'warning')) };
    if (!about) return { screen: stateScreen(c, department, notice('invalidInput', 'attention')) };
    return {
      command: { type: 'evidence.describe', evidenceIds: ids, about },
      show: async (saved) => evidenceScreen(saved, department, notice('evidenceDescribed', 'good')),
    };
  },
};

/** "Træk tilbage": an item is marked withdrawn with the manager's reason; it stays on the case and in the audit. */
export const evidenceWithdraw: CaseHandler<typeof Verb.evidenceWithdraw> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(_deps, { case: c, department, rev }, data) {
    const evidenceId = typeof data.evidenceId === 'string' ? data.evidenceId : '';
    const reason = cleanLine(data.withdrawReason);
    if (c.kind !== 'incident' || !EVIDENCE_ID.test(evidenceId))
      return { screen: stateScreen(c, department, notice('badRequest', 'warning')) };
    if (!reason) return { screen: stateScreen(c, department, notice('reasonRequired', 'attention')) };
    return {
      command: { type: 'evidence.withdraw', rev, evidenceId, reason },
      show: async (saved) => evidenceScreen(saved, department, notice('evidenceWithdrawn', 'good')),
    };
  },
};

/** "Vis dokumentation": the case card with its evidence list open. */
export const evidenceShow: CaseHandler<typeof Verb.evidenceShow> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  decode: async (_deps, { case: c, department }) => ({ screen: evidenceScreen(c, department) }),
};

/** The plan card with the evidence list open; before the plan exists, the case's own step (the list comes with the plan). */
export function evidenceScreen(c: Case, department: Department, n?: Notice): Screen {
  if (c.kind === 'incident' && (c.status === 'plan' || c.status === 'closed'))
    return { kind: 'plan', case: c, department, evidence: true, ...(n ? { notice: n } : {}) };
  return stateScreen(c, department, n);
}

/**
 * The form's inputs: `evidenceLink` (one of the case's links, or "new" with `evidenceNewLink`), `evidenceNote`,
 * `evidenceTakenDate` (YYYY-MM-DD) and `evidenceTakenTime` (HH:MM), the manager's local time as they state it.
 * Undefined when something is malformed.
 */
function describedAs(c: IncidentCase, data: Data): EvidenceAbout | undefined {
  const choice = typeof data.evidenceLink === 'string' ? data.evidenceLink : '';
  let link: string | undefined;
  if (choice === NEW_LINK) {
    link = parseWebUrl(cleanLine(data.evidenceNewLink));
    if (!link || link.length > LIMITS.url) return undefined;
  } else if (choice && choice !== NO_LINK) {
    link = c.intake?.urls.find((u) => u === choice);
    if (!link) return undefined;
  }
  const note = cleanLine(data.evidenceNote);
  const date = typeof data.evidenceTakenDate === 'string' ? data.evidenceTakenDate.trim() : '';
  const time = typeof data.evidenceTakenTime === 'string' ? data.evidenceTakenTime.trim() : '';
  if ((date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) || (time && !/^\d{2}:\d{2}$/.test(time)) || (time && !date)) return undefined;
  const takenAt = date ? (time ? `${date}T${time}` : date) : undefined;
  if (takenAt && Number.isNaN(Date.parse(takenAt))) return undefined;
  return { ...(link ? { link } : {}), ...(note ? { note } : {}), ...(takenAt ? { takenAt } : {}) };
}
