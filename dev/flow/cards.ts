/**
 * Reading Adaptive Cards the way a Teams client does: which buttons (Action.Execute) a card offers, with what
 * data, which inputs it has, and what text it shows. Shared by the tests and the benchmark client, so both
 * click through the bot with the same understanding of a card.
 */
export type Card = Record<string, unknown>;

export interface Execute {
  readonly title: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Visits every object in a card, depth first, parents before children. */
export function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** Every Action.Execute on the card, anywhere (including inside ShowCards). */
export function executes(card: unknown): Execute[] {
  const out: Execute[] = [];
  walk(card, (o) => {
    if (o.type === 'Action.Execute')
      out.push({ title: String(o.title), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
  });
  return out;
}

/** The data of the first Action.Execute with this verb (and matching data), as a click would send it. */
export function dataOf(
  card: unknown,
  verb: string,
  match: (d: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> | undefined {
  return executes(card).find((a) => a.verb === verb && match(a.data))?.data;
}

/** The first Action.Execute with this verb (and matching data); throws, naming the card's verbs, if there is none. */
export function action(card: unknown, verb: string, match: (d: Record<string, unknown>) => boolean = () => true): Execute {
  const found = executes(card).find((a) => a.verb === verb && match(a.data));
  if (!found)
    throw new Error(
      `no ${verb} action on the card; actions: ${executes(card)
        .map((a) => a.verb)
        .join(', ')}`,
    );
  return found;
}

/** Input ids and their values as the card sets them (undefined where the card gives none). */
export function inputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o.value;
  });
  return out;
}

/** The input with this id as the card defines it (type, value, choices, limits), anywhere on the card. */
export function input(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  walk(card, (o) => {
    if (!found && typeof o.type === 'string' && o.type.startsWith('Input.') && o.id === id) found = o;
  });
  return found;
}

/** A ChoiceSet's choices, or none. */
export function choices(card: unknown, id: string): { title: string; value: string }[] {
  return (input(card, id)?.choices ?? []) as { title: string; value: string }[];
}

/** What Teams sends along with a click when nobody types: every input, an empty one as ''. */
export function formValues(card: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs(card)).map(([id, value]) => [id, value ?? '']));
}

/** Every string the card shows, one per line, for "does the manager see X". */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['text', 'title', 'label', 'value', 'placeholder'].includes(k)) out.push(v);
        else visit(v);
      }
    }
  };
  visit(card);
  return out.join('\n');
}

/** The card of an invoke's answer, or undefined unless it is HTTP 200 with an adaptive card in a 200 invoke response. */
export function cardOfInvoke(answer: { status: number; body: unknown }): Card | undefined {
  const body = answer.body as { statusCode?: number; type?: string; value?: Card } | undefined;
  if (answer.status !== 200 || body?.statusCode !== 200 || body.type !== ADAPTIVE_CARD) return undefined;
  return body.value;
}

/** The adaptive card attached to an activity, or undefined. */
export function cardOfActivity(activity: unknown): Card | undefined {
  const attachments = ((activity as { attachments?: unknown } | undefined)?.attachments ?? []) as { contentType: string; content: Card }[];
  return attachments.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
}
