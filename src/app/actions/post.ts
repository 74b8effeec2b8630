import { isKind } from '../../domain/assessment';
import type { Case } from '../../domain/case';
import { checkSupportMessage, type GuardrailIssue, MESSAGE_LIMIT } from '../../domain/support-message';
import { cleanText, truncate } from '../../domain/text';
import type { Department } from '../directory';
import type { Screen } from '../screens';
import { Verb } from '../verbs';
import { type ActionDeps, type CaseTurn, message, notice } from './context';
import type { CaseHandler, Decoded, Incoming } from './handler';
import { stateScreen } from './views';

type PostVerb = typeof Verb.postPreview | typeof Verb.postSend;

/**
 * "Vis beskeden" and "Send beskeden": the text is checked by the guardrails. A refused or previewed message
 * is saved as typed, so nothing the manager wrote is lost; a clean one is posted through Graph.
 */
async function decodePost(deps: ActionDeps, turn: CaseTurn, data: Incoming<PostVerb>, verb: PostVerb): Promise<Decoded> {
  const { case: c, department, rev } = turn;
  if (c.kind !== 'incident' || !c.intake) return { screen: message('badRequest') };
  const text = truncate(cleanText(data.postText), MESSAGE_LIMIT + 1);
  const consent = data.postConsent === 'true' || data.postConsent === true;
  const issues = checkSupportMessage(text, consent, c.intake);
  if (verb === Verb.postPreview || issues.length) {
    const post = { issues, preview: verb === Verb.postPreview };
    return { command: { type: 'post.save', rev, text, consent }, show: async (saved) => postScreen(deps, saved, department, post) };
  }
  return {
    command: { type: 'post.send', rev, text, consent },
    graphNotice: (s) => (s.kind === 'incident' && s.post?.status === 'posted' ? notice('posted', 'good') : undefined),
  };
}

export const postPreview: CaseHandler<typeof Verb.postPreview> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: (deps, turn, data) => decodePost(deps, turn, data, Verb.postPreview),
};

export const postSend: CaseHandler<typeof Verb.postSend> = {
  scope: 'case',
  graph: true,
  needsRev: true,
  decode: (deps, turn, data) => decodePost(deps, turn, data, Verb.postSend),
};

/** "Beskeden er i kanalen": after an unknown outcome the manager has checked the channel. */
export const postConfirm: CaseHandler<typeof Verb.postConfirm> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (_deps, { rev }) => ({ command: { type: 'post.confirm', rev } }),
};

/** The plan with the message editor open, and why it may not be posted yet or how it will look. */
function postScreen(deps: ActionDeps, c: Case, department: Department, post: { issues: GuardrailIssue[]; preview: boolean }): Screen {
  if (c.kind !== 'incident') return stateScreen(c, department);
  const actionId = c.plan?.find((a) => isKind(deps.policy, a.actionId, 'channelPost'))?.actionId;
  return {
    kind: 'plan',
    case: c,
    department,
    ...(actionId ? { expanded: { actionId } } : {}),
    post,
    ...(post.issues.length ? { notice: notice('postBlocked', 'attention') } : {}),
  };
}
