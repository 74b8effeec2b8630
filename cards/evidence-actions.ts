import { Verb } from '../src/app/verbs';
import type { IncidentCase } from '../src/domain/case';
import { packTime } from '../src/domain/case-pack';
import type { CardContext } from './context';
import { actionSet, caseData, container, type Element, execute, heading, plain, text } from './elements';
import { t } from './texts';

/**
 * The case card's evidence actions: "Gem siden nu" for each link while the case is open, and "Lav sagsmappe".
 * Kept apart from the list of evidence ("Dokumentation (n)") so the two grow independently.
 */
export function evidenceActions(c: IncidentCase, ctx: CardContext): Element[] {
  const { locale } = ctx;
  const open = c.status === 'plan';
  const links = open ? (c.intake?.urls ?? []) : [];
  const items: Element[] = [heading(t('evidenceActionsTitle', locale), 'Medium')];
  if (links.length) items.push(text(t('evidenceActionsHelp', locale), { size: 'Small', isSubtle: true, spacing: 'None' }));
  for (const [index, link] of links.entries()) {
    const captures = (c.evidence ?? []).filter((i) => i.kind === 'capture' && i.link === link && !i.withdrawn);
    const last = captures.at(-1);
    items.push(
      container([
        plain(`${index + 1}. ${shortLink(link)}`, { size: 'Small' }),
        ...(last
          ? [
              text(t('pageSavedTimes', locale, { n: captures.length, when: packTime(last.receivedAt) }), {
                size: 'Small',
                isSubtle: true,
                spacing: 'None',
              }),
            ]
          : []),
        actionSet([
          execute(t('savePage', locale), Verb.evidenceCapture, caseData(c.id, c.rev, { link: index }), { associatedInputs: 'none' }),
        ]),
      ]),
    );
  }
  items.push(text(t('makePackHelp', locale), { size: 'Small', isSubtle: true }));
  items.push(
    actionSet([execute(t('makePack', locale), Verb.packMake, { caseId: c.id }, { associatedInputs: 'none' })], { spacing: 'Small' }),
  );
  return [container(items, { separator: true, spacing: 'Large' })];
}

/** The link as the manager recognises it, short enough that ten of them fit on the card: host and the start of the path. */
export function shortLink(url: string, max = 45): string {
  let text = url;
  try {
    const u = new URL(url);
    text = `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
  } catch {
    // Not a URL (intake only stores http(s) links): shown as it is, cut.
  }
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
