import { caseRef, draftActions } from '../../domain/drafts';
import { MAX_DRAFTS, PACK_DRAFTS_INPUT, type PackOffer } from '../pack-offer';
import type { Verb } from '../verbs';
import { notice } from './context';
import type { CaseHandler } from './handler';
import { stateScreen } from './views';

/** Room for the PDF's text pages besides the images it embeds: an estimate for the consent card only. */
const PDF_TEXT_BYTES = 64 * 1024;

/**
 * "Lav sagsmappe": offers the PDF and the ZIP as Teams file consent cards. Nothing is built yet: each file is made
 * when the manager accepts its card, from the case as it then is, and uploaded to where Teams says (src/app/case-pack-service.ts).
 */
export const packMake: CaseHandler<typeof Verb.packMake> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  async decode(deps, { case: c, department, locale }, data) {
    if (c.kind !== 'incident' || (c.status !== 'plan' && c.status !== 'closed'))
      return { screen: stateScreen(c, department, notice('notAllowedNow', 'warning')) };
    const evidence = c.evidence ?? [];
    const images = evidence.filter((i) => !i.withdrawn && i.sniffedType.startsWith('image/')).reduce((n, i) => n + i.size, 0);
    const all = evidence.reduce((n, i) => n + i.size, 0);
    const pdf = PDF_TEXT_BYTES + images;
    const stem = `${caseRef(c.id)}-${locale === 'da' ? 'sagsmappe' : 'case-file'}`;
    // The drafts ticked in the form: only actions on this plan that have a draft count, in the plan's order.
    const ticked = typeof data[PACK_DRAFTS_INPUT] === 'string' ? String(data[PACK_DRAFTS_INPUT]).split(',') : [];
    const drafts = draftActions(deps.policy, c)
      .map((a) => a.actionId)
      .filter((id) => ticked.includes(id))
      .slice(0, MAX_DRAFTS);
    const offer: PackOffer = {
      caseId: c.id,
      drafts,
      files: [
        { kind: 'pdf', name: `${stem}.pdf`, sizeInBytes: pdf },
        { kind: 'zip', name: `${stem}.zip`, sizeInBytes: pdf + all + 1024 * (evidence.length + 1) },
      ],
    };
    return { view: { locale, screen: stateScreen(c, department, notice('packOffered', 'good')), offer } };
  },
};
