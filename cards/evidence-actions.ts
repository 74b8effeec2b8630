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
      container(
        [
          plain(link, { size: 'Small' }),
          ...(last
            ? [
                text(t('pageSavedTimes', locale, { n: captures.length, when: packTime(last.receivedAt) }), {
                  size: 'Small',
                  isSubtle: true,
                  spacing: 'None',
                }),
              ]
            : []),
          actionSet(
            [execute(t('savePage', locale), Verb.evidenceCapture, caseData(c.id, c.rev, { link: index }), { associatedInputs: 'none' })],
            {
              spacing: 'Small',
            },
          ),
        ],
        { spacing: 'Small' },
      ),
    );
  }
  items.push(text(t('makePackHelp', locale), { size: 'Small', isSubtle: true }));
  items.push(
    actionSet([execute(t('makePack', locale), Verb.packMake, { caseId: c.id }, { associatedInputs: 'none' })], { spacing: 'Small' }),
  );
  return [container(items, { separator: true, spacing: 'Large' })];
}
