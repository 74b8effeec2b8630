/**
 * GET /: what "Graph" received, for watching a demo. Every value comes from a client, so all of it is
 * escaped, channel posts included: they are shown as their raw HTML source, never rendered.
 */
import { COPENHAGEN } from './calendar';
import type { Received } from './store';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const when = new Intl.DateTimeFormat('da-DK', { timeZone: COPENHAGEN, dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat('da-DK', { timeZone: COPENHAGEN, timeStyle: 'short' });

/** Graph's UTC wall time ('2026-11-30T11:00:00.0000000', zone UTC) as an instant. */
function utcInstant(value: unknown): Date {
  return new Date(`${(value as { dateTime?: string } | undefined)?.dateTime?.slice(0, 19) ?? ''}Z`);
}

function safeLink(url: unknown): string {
  const text = escapeHtml(url);
  return typeof url === 'string' && url.startsWith('https://') ? `<a href="${text}" rel="noreferrer">${text}</a>` : text;
}

type Json = Record<string, unknown>;

function eventRow(e: Json): string {
  const start = utcInstant(e.start);
  const organizer = (e.organizer as { emailAddress?: Json } | undefined)?.emailAddress;
  const attendees = (e.attendees as { emailAddress: Json }[])
    .map((a) => escapeHtml(a.emailAddress.name || a.emailAddress.address))
    .join(', ');
  const status = e.isCancelled ? ' <strong>(aflyst)</strong>' : '';
  return `<tr><td>${escapeHtml(e.subject)}${status}</td><td>${escapeHtml(`${when.format(start)}–${clock.format(utcInstant(e.end))}`)}</td>
<td>${escapeHtml(organizer?.name || organizer?.address)}</td><td>${attendees}</td><td>${safeLink((e.onlineMeeting as Json | null)?.joinUrl)}</td></tr>`;
}

function messageBlock(m: Json): string {
  const channel = m.channelIdentity as Json;
  const from = ((m.from as Json).user as Json).displayName;
  return `<article><header>${escapeHtml(when.format(new Date(String(m.createdDateTime))))} · ${escapeHtml(from)} → ${escapeHtml(channel.teamId)} / ${escapeHtml(channel.channelId)}</header>
<pre>${escapeHtml((m.body as Json).content)}</pre></article>`;
}

export function renderPage(received: Received): string {
  const events = received.events.map(eventRow).join('\n') || '<tr><td colspan="5">Ingen endnu.</td></tr>';
  const messages = received.messages.map(messageBlock).join('\n') || '<p>Ingen endnu.</p>';
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Graph-simulator</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f5f5f5;padding:.5rem}
article{margin-bottom:1rem}header{color:#555}</style></head>
<body><h1>Graph-simulator</h1><p>Opdateres hvert 3. sekund. Tider i dansk tid. <a href="/_uploads">Uploadede sagsmapper</a></p>
<h2>Mødeindkaldelser (${received.events.length})</h2>
<table><tr><th>Emne</th><th>Tid</th><th>Arrangør</th><th>Deltagere</th><th>Teams-link</th></tr>
${events}</table>
<h2>Kanalopslag (${received.messages.length})</h2>
${messages}
</body></html>`;
}
