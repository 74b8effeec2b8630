import type { PreviewCard, PreviewPost } from './catalogue';
import { markdownToHtml, renderCards } from './in-page';
import { TEAMS_LIGHT_HOST_CONFIG } from './teams-host-config';

export interface PageInput {
  readonly title: string;
  /** One line under the title: which policy, when, how many cards. */
  readonly subtitle: string;
  readonly cards: readonly PreviewCard[];
  readonly posts: readonly PreviewPost[];
  /** The adaptivecards dist bundle and its stylesheet, inlined so the page opens anywhere without a server. */
  readonly adaptiveCardsJs: string;
  readonly adaptiveCardsCss: string;
}

/** Which file draws each card, for the reader who wants to change a text. */
export const CARD_FILES: Record<PreviewCard['card'], string> = {
  welcome: 'cards/welcome.card.ts',
  start: 'cards/start.card.ts',
  intake: 'cards/intake.card.ts',
  assessment: 'cards/assessment.card.ts',
  plan: 'cards/plan.card.ts (meeting-panel.ts, post-panel.ts)',
  warning: 'cards/warning.card.ts',
  myCases: 'cards/my-cases.card.ts',
  reminder: 'cards/reminder.card.ts',
  retention: 'cards/export.card.ts (retentionCard)',
  export: 'cards/export.card.ts',
  setup: 'cards/setup.card.ts',
  message: 'cards/message.card.ts',
  evidenceCase: 'cards/evidence.card.ts',
  evidenceReceived: 'cards/evidence.card.ts',
  evidenceTooMany: 'cards/evidence.card.ts',
  employee: 'cards/employee.card.ts',
  checkIn: 'cards/employee.card.ts (checkInCard)',
  checkInAnswered: 'cards/employee.card.ts (checkInAnsweredCard)',
  statistics: 'cards/statistics.card.ts (statistics-csv.ts)',
};

const LANGUAGE = { da: 'Dansk', en: 'English' } as const;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside <script>: "</script>" and "<!--" in a card's text must not end or confuse the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; background: #f5f5f5; color: #242424; font: 14px/1.43 'Segoe UI', -apple-system, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; }
  header, main { max-width: 1560px; margin: 0 auto; padding: 0 16px; }
  header { padding-top: 24px; }
  h1 { font-size: 24px; margin: 0 0 4px; }
  h2 { font-size: 20px; margin: 40px 0 4px; padding-top: 8px; border-top: 2px solid #5b5fc7; }
  h2 small { font-size: 13px; font-weight: 400; color: #424242; }
  h3 { font-size: 16px; margin: 24px 0 8px; }
  h4 { font-size: 13px; margin: 0 0 6px; color: #424242; font-weight: 600; }
  nav ul { columns: 3 220px; padding-left: 18px; }
  /* A card is 760 px wide on a desktop (Teams' chat pane with msteams width Full), the two languages side by side. */
  .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(0, 760px)); gap: 24px; align-items: start; }
  figure { margin: 0; min-width: 0; }
  figcaption { display: flex; justify-content: space-between; gap: 8px; }
  figcaption .size { font-size: 12px; color: #424242; }
  .teams-card { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.14); overflow: hidden; }
  .teams-card .ac-adaptiveCard { border-radius: 4px; }
  .ac-pushButton { font-family: inherit; border: 1px solid #d1d1d1; border-radius: 4px; color: #242424; background: #fff; padding: 5px 12px; min-height: 32px; }
  .ac-pushButton.style-positive, .ac-pushButton.primary { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
  .ac-pushButton.style-destructive { color: #b10e1c; border-color: #d1d1d1; }
  .ac-pushButton.expanded { background: #ebebeb; }
  .ac-input { font-family: inherit; font-size: 14px; }
  .ac-textInput, .ac-multichoiceInput, .ac-dateInput, .ac-timeInput { background: #f5f5f5; border: 1px solid #e0e0e0; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; color: #242424; }
  .ac-textRun, .ac-textBlock { overflow-wrap: anywhere; }
  .post { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; padding: 12px 16px; }
  .post p { margin: 0 0 10px; }
  @media (max-width: 1100px) { .pair { grid-template-columns: minmax(0, 760px); } }
  @media (max-width: 480px) { header, main { padding: 0 8px; } .pair { grid-template-columns: minmax(0, 1fr); } nav ul { columns: 1; } }
  /* While a picture is taken, only that card is on the page: a short page is much faster to capture. */
  body.solo header, body.solo h2, body.solo h3, body.solo figcaption, body.solo figure:not(.shot), body.solo section:not(:has(figure.shot)) { display: none; }
`;

/** One self-contained page: every card by name, state and language, drawn in the browser by adaptivecards. */
export function previewPage(input: PageInput): string {
  const groups = new Map<string, PreviewCard[]>();
  for (const c of input.cards) groups.set(c.card, [...(groups.get(c.card) ?? []), c]);
  const sections = [...groups.entries()].map(([name, cards]) => {
    const states = new Map<string, PreviewCard[]>();
    for (const c of cards) states.set(c.state, [...(states.get(c.state) ?? []), c]);
    const body = [...states.entries()].map(
      ([state, pair]) => `
      <section class="state" id="${esc(pair[0]?.id.replace(/--[a-z]{2}$/, '') ?? '')}">
        <h3>${esc(state)}</h3>
        <div class="pair">${pair
          .map(
            (c) => `
          <figure data-id="${esc(c.id)}" lang="${c.locale}">
            <figcaption><h4>${LANGUAGE[c.locale]}</h4><span class="size">${kb(c.bytes)}</span></figcaption>
            <div class="teams-card" id="slot-${esc(c.id)}"></div>
          </figure>`,
          )
          .join('')}
        </div>
      </section>`,
    );
    return `
    <section class="card" id="card-${esc(name)}">
      <h2>${esc(name)} <small>${esc(CARD_FILES[name as PreviewCard['card']] ?? '')}</small></h2>${body.join('')}
    </section>`;
  });
  const posts = input.posts.map(
    (p) => `
      <section class="state" id="${esc(p.id.replace(/--[a-z]{2}$/, ''))}-${p.locale}">
        <h3>${esc(p.state)}</h3>
        <figure data-id="${esc(p.id)}" lang="${p.locale}">
          <figcaption><h4>${LANGUAGE[p.locale]}</h4><span class="size">${kb(p.bytes)}</span></figcaption>
          ${p.html.length > 6000 ? `<p class="post">${p.html.length} characters of HTML; shown for its size only.</p>` : `<div class="post">${p.html}</div>`}
        </figure>
      </section>`,
  );
  const nav = [...groups.keys()].map((name) => `<li><a href="#card-${esc(name)}">${esc(name)}</a> (${groups.get(name)?.length ?? 0})</li>`);
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<style>${input.adaptiveCardsCss}</style>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${esc(input.title)}</h1>
  <p>${esc(input.subtitle)}</p>
  <nav aria-label="Kort"><ul>${nav.join('')}<li><a href="#channel-posts">channel post</a> (${input.posts.length})</li></ul></nav>
</header>
<main>${sections.join('')}
  <section class="card" id="channel-posts">
    <h2>channel post <small>src/domain/support-message.ts → Microsoft Graph</small></h2>${posts.join('')}
  </section>
</main>
<script type="application/json" id="preview-cards">${scriptJson(input.cards.map((c) => ({ id: c.id, json: c.json })))}</script>
<script>${input.adaptiveCardsJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>
${markdownToHtml.toString()}
${renderCards.toString()}
window.previewResults = renderCards(${scriptJson(TEAMS_LIGHT_HOST_CONFIG)}, markdownToHtml);
</script>
</body>
</html>
`;
}
