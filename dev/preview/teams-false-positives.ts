/**
 * What the `adaptivecards` renderer (3.0.6) reports about a card that Teams accepts, shared by the schema test
 * (tests/support/validate-card.ts, parser in Node) and `npm run preview` (parser in the browser), so both hold the same bar.
 */

/** A renderer validation event, by name: `ValidationEvent[event]` of the parse context or validateProperties(). */
export interface RendererEvent {
  readonly event: string;
  readonly message: string;
  /** `getJsonTypeName()` of the element that raised it, when it has one. */
  readonly sourceType?: string;
  readonly sourceId?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Ids of the Teams people pickers (`Input.ChoiceSet` with `choices.data`) anywhere in the card. */
export function peoplePickerIds(card: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const obj = node as { [key: string]: Json };
      if (obj.type === 'Input.ChoiceSet' && 'choices.data' in obj && typeof obj.id === 'string') ids.add(obj.id);
      for (const value of Object.values(obj)) walk(value);
    }
  };
  walk(card);
  return ids;
}

/**
 * The documented Teams false positives, and only those: the renderer dates the people picker's `choices.data` to
 * card version 1.6 (Teams supports it in 1.5 cards), and a people picker's static `choices` may be empty.
 */
export function isTeamsFalsePositive(ev: RendererEvent, pickers: ReadonlySet<string>): boolean {
  if (ev.sourceType !== 'Input.ChoiceSet') return false;
  if (ev.event === 'UnsupportedProperty' && ev.message.includes('"choices.data"')) return true;
  return ev.event === 'CollectionCantBeEmpty' && ev.sourceId !== undefined && pickers.has(ev.sourceId);
}
