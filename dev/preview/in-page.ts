/**
 * Code that runs in the preview page, not in Node: page.ts puts the source of these functions into the HTML, so
 * they may use nothing but their arguments and the page's globals (the adaptivecards bundle's `AdaptiveCards`).
 */
import type * as ACTypes from 'adaptivecards';
import type { RendererEvent } from './teams-false-positives';

/**
 * The markdown Teams renders in a TextBlock, for our own texts (a person's text is a TextRun, never markdown):
 * paragraphs, line breaks, "- " lists, **bold**, _italic_ and links. Everything else is shown as written.
 */
export function markdownToHtml(text: string): string {
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inline = (s: string) =>
    escapeHtml(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=[\s).,:;!?]|$)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => /^\s*[-*] /.test(l)))
        return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`;
      if (lines.every((l) => /^\s*\d+\. /.test(l)))
        return `<ol>${lines.map((l) => `<li>${inline(l.replace(/^\s*\d+\. /, ''))}</li>`).join('')}</ol>`;
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}

export interface RenderedCard {
  readonly events: RendererEvent[];
  readonly rendered: boolean;
}

/**
 * Parses every card of the page with the adaptivecards renderer (strictly: version 1.5, every warning kept) and
 * draws it with Teams' host config into its slot. Returns what the renderer said about each card.
 */
export function renderCards(hostConfig: unknown, md: (text: string) => string): Record<string, RenderedCard> {
  // The page's globals, typed here without pulling the DOM library into the Node project.
  const { AdaptiveCards: AC, document } = globalThis as unknown as {
    AdaptiveCards: typeof ACTypes;
    document: { getElementById(id: string): { textContent: string | null; appendChild(node: unknown): unknown } | null };
  };
  const data = JSON.parse(document.getElementById('preview-cards')?.textContent ?? '[]') as { id: string; json: unknown }[];
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md(text);
    result.didProcess = true;
  };
  const config = new AC.HostConfig(hostConfig);
  const out: Record<string, RenderedCard> = {};
  for (const { id, json } of data) {
    const card = new AC.AdaptiveCard();
    card.hostConfig = config;
    // A preview: buttons do nothing, but ShowCard still opens.
    card.onExecuteAction = () => undefined;
    const ctx = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(json, ctx);
    const raw: ACTypes.IValidationEvent[] = [];
    for (let i = 0; i < ctx.eventCount; i++) raw.push(ctx.getEventAt(i));
    raw.push(...card.validateProperties().validationEvents);
    const events = raw.map((ev) => {
      const src = ev.source as { getJsonTypeName?: () => string; id?: string } | undefined;
      return {
        event: AC.ValidationEvent[ev.event] ?? String(ev.event),
        message: ev.message,
        sourceType: src?.getJsonTypeName?.(),
        sourceId: typeof src?.id === 'string' ? src.id : undefined,
      };
    });
    const element = card.render();
    const slot = document.getElementById(`slot-${id}`);
    if (element && slot) slot.appendChild(element);
    out[id] = { events, rendered: Boolean(element && slot) };
  }
  return out;
}
