import { actionDef } from './assessment';
import type { Case } from './case';
import { STATUS, T } from './case-pack-texts';
import { danishDate } from './dates';
import { caseRef } from './drafts';
import type { EvidenceItem } from './evidence';
import { cleanFileName, uniqueNames } from './file-name';
import { formatDate, formatSlot } from './format';
import { type Locale, type Localized, pick } from './i18n';
import type { Policy } from './policy';
import { isRasterImage } from './sniff-type';
import { hostName } from './text';

/** What the pack needs besides the case; the caller looks names up and renders the chosen drafts. */
export interface CasePackInput {
  readonly case: Case;
  readonly policy: Policy;
  readonly locale: Locale;
  readonly departmentName: string;
  /** Directory id → display name, for the timeline and the evidence index. */
  readonly names: Readonly<Record<string, string>>;
  readonly evidence: readonly EvidenceItem[];
  /** The municipality's ESDH (case system) number, if the manager entered one. */
  readonly esdhNumber?: string;
  readonly drafts: readonly { readonly title: string; readonly body: string }[];
  readonly now: Date;
}

export type PackBlock =
  | { readonly kind: 'field'; readonly label: string; readonly value: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bullet'; readonly text: string }
  | { readonly kind: 'subheading'; readonly text: string };

export interface PackSection {
  readonly heading: string;
  readonly blocks: readonly PackBlock[];
}

export interface PackEvidenceRow {
  readonly number: number;
  readonly item: EvidenceItem;
  /** The item's file name inside the ZIP (unique, cleaned), or the page capture's. */
  readonly zipPath: string;
  /** Fields as printed in the index. */
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly embedImage: boolean;
}

/** The case pack as text, independent of how it is drawn (PDF) or packed (ZIP). */
export interface PackDocument {
  readonly title: string;
  readonly fileStem: string;
  readonly generated: string;
  readonly sections: readonly PackSection[];
  readonly evidenceHeading: string;
  readonly evidenceEmpty: string;
  readonly evidence: readonly PackEvidenceRow[];
  readonly appendixHeading: string;
  readonly withdrawnLabel: string;
  readonly pageLabel: string;
  /** Said in the appendix for a picture the PDF cannot draw (GIF, WebP…); the file is in the ZIP. */
  readonly imageNotShown: string;
}

/** Time in Copenhagen, as a reader in the municipality expects it: "24.11.2026 10.15". */
const TIME = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function packTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : TIME.format(d).replace(',', '');
}

export function formatBytes(n: number, locale: Locale): string {
  const fmt = (v: number) => v.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmt(n / 1024)} KB`;
  return `${fmt(n / 1024 / 1024)} MB`;
}

/** The PDF's and ZIP's content, from the case record alone. */
export function casePackDocument(p: CasePackInput): PackDocument {
  const { locale: l, case: c, policy } = p;
  const tr = (x: Localized) => pick(x, l);
  const name = (id: string) => p.names[id] ?? id;
  const ref = caseRef(c.id);

  const overview: PackBlock[] = [
    { kind: 'field', label: tr(T.department), value: p.departmentName },
    { kind: 'field', label: tr(T.caseRef), value: ref },
    ...(p.esdhNumber ? [{ kind: 'field' as const, label: tr(T.esdh), value: p.esdhNumber }] : []),
    { kind: 'field', label: tr(T.status), value: STATUS[c.status] ? tr(STATUS[c.status]) : c.status },
    { kind: 'field', label: tr(T.opened), value: packTime(c.createdAt) },
    ...(c.closedAt ? [{ kind: 'field' as const, label: tr(T.closed), value: packTime(c.closedAt) }] : []),
  ];
  const sections: PackSection[] = [{ heading: `${tr(T.title)} ${ref}`, blocks: overview }];

  if (c.kind === 'incident' && c.intake) {
    const i = c.intake;
    const marked = i.characteristics.map((id) => {
      const def = policy.characteristics.find((ch) => ch.id === id);
      return def?.short ? tr(def.short) : id;
    });
    sections.push({
      heading: tr(T.facts),
      blocks: [
        { kind: 'field', label: tr(T.employees), value: i.employees.map((e) => e.name).join(', ') },
        { kind: 'field', label: tr(T.platform), value: i.platform },
        { kind: 'field', label: tr(T.discovered), value: formatDate(i.discoveredOn, l) },
        ...(i.posterName ? [{ kind: 'field' as const, label: tr(T.poster), value: i.posterName }] : []),
        { kind: 'subheading', text: tr(T.links) },
        ...i.urls.map((u) => ({ kind: 'bullet' as const, text: u })),
        { kind: 'subheading', text: tr(T.description) },
        { kind: 'text', text: i.description },
        { kind: 'text', text: tr(i.employeeContacted ? T.contactedYes : T.contactedNo) },
        { kind: 'text', text: tr(i.evidenceSaved ? T.savedYes : T.savedNo) },
        ...(marked.length
          ? [{ kind: 'text' as const, text: `${tr(T.marked)}:` }, ...marked.map((m) => ({ kind: 'bullet' as const, text: m }))]
          : [{ kind: 'text' as const, text: tr(T.noneMarked) }]),
      ],
    });
  } else if (c.kind === 'warning' && c.warning) {
    sections.push({
      heading: tr(T.warning),
      blocks: [
        { kind: 'field', label: tr(T.employees), value: c.warning.employees.map((e) => e.name).join(', ') },
        { kind: 'text', text: c.warning.description },
      ],
    });
  }

  sections.push({
    heading: tr(T.timeline),
    blocks: c.audit.map((e) => {
      const title = e.actionId ? actionDef(policy, e.actionId)?.title : undefined;
      return {
        kind: 'bullet' as const,
        text: `${packTime(e.at)}  ${name(e.by)}: ${e.what}${title ? ` – ${tr(title)}` : e.actionId ? ` ${e.actionId}` : ''}`,
      };
    }),
  });

  if (c.kind === 'incident' && c.plan?.length) {
    const blocks: PackBlock[] = [];
    for (const a of c.plan) {
      const def = actionDef(policy, a.actionId);
      const status = a.status === 'open' ? tr(T.open) : a.notRelevant ? tr(T.notRelevant) : tr(T.done);
      const when = a.doneAt ? ` ${formatDate(danishDate(new Date(a.doneAt)), l)}` : '';
      const by = a.doneBy ? ` (${name(a.doneBy)})` : '';
      const note = a.reference ? `; ${tr(a.notRelevant ? T.reason : T.reference)}: ${a.reference}` : '';
      blocks.push({ kind: 'subheading', text: def ? tr(def.title) : a.actionId });
      blocks.push({ kind: 'text', text: `${tr(T.due)} ${formatDate(a.due, l)} – ${status}${when}${by}${note}` });
      const reasons = a.reasons.map((r) => policy.rules.find((x) => x.id === r)?.reason).filter((r): r is Localized => !!r);
      if (reasons.length) blocks.push({ kind: 'text', text: `${tr(T.why)}: ${reasons.map(tr).join(' ')}` });
      else if (a.source === 'manager') blocks.push({ kind: 'text', text: tr(T.byManager) });
    }
    sections.push({ heading: tr(T.plan), blocks });
  }

  if (c.kind === 'incident' && (c.meeting || c.post)) {
    const blocks: PackBlock[] = [];
    if (c.meeting?.slot && c.meeting.status === 'booked')
      blocks.push({
        kind: 'field',
        label: tr(T.meetingAt),
        value: `${formatSlot(c.meeting.slot, l)}${c.meeting.joinUrl ? ` ${c.meeting.joinUrl}` : ''}`,
      });
    else blocks.push({ kind: 'text', text: tr(T.noMeeting) });
    if (c.post?.text) blocks.push({ kind: 'subheading', text: `${tr(T.message)} (${c.post.status})` }, { kind: 'text', text: c.post.text });
    sections.push({ heading: tr(T.meeting), blocks });
  }

  if (p.drafts.length)
    sections.push({
      heading: tr(T.drafts),
      blocks: p.drafts.flatMap((d) => [
        { kind: 'subheading' as const, text: d.title },
        { kind: 'text' as const, text: d.body },
      ]),
    });

  return {
    title: `${tr(T.title)} ${ref}`,
    fileStem: `${ref}-${l === 'da' ? 'sagsmappe' : 'case-file'}`,
    generated: `${tr(T.generated)} ${packTime(p.now.toISOString())}`,
    sections,
    evidenceHeading: tr(T.evidence),
    evidenceEmpty: tr(T.evidenceEmpty),
    evidence: evidenceRows(p.evidence, l, name),
    appendixHeading: tr(T.appendix),
    withdrawnLabel: tr(T.withdrawn),
    pageLabel: tr(T.page),
    imageNotShown: tr(T.imageNotShown),
  };
}

/** Numbered as received; withdrawn items stay in the index and the ZIP, marked, and are not drawn in the appendix. */
function evidenceRows(items: readonly EvidenceItem[], l: Locale, name: (id: string) => string): PackEvidenceRow[] {
  const tr = (x: Localized) => pick(x, l);
  const width = String(items.length).length;
  const raw = items.map((item, n) => {
    const num = String(n + 1).padStart(Math.max(2, width), '0');
    if (item.kind === 'capture') {
      const host = hostName(item.capture?.finalUrl ?? item.link ?? '') ?? 'side';
      return `${tr(T.pagesDir)}/${num} ${cleanFileName(host, 'side')}.${extensionFor(item)}`;
    }
    return `${tr(T.evidenceDir)}/${num} ${cleanFileName(item.name)}`;
  });
  const paths = uniqueNames(raw);
  return items.map((item, n) => {
    const fields: { label: string; value: string }[] = [
      { label: tr(T.fName), value: item.name },
      { label: tr(T.fKind), value: tr(item.kind === 'file' ? T.file : T.capture) },
      ...(item.link ? [{ label: tr(T.fLink), value: item.link }] : []),
      { label: tr(T.fReceived), value: packTime(item.receivedAt) },
      { label: tr(T.fBy), value: name(item.addedBy) },
      { label: tr(T.fSize), value: formatBytes(item.size, l) },
      { label: tr(T.fType), value: `${item.declaredType ?? '–'} / ${item.sniffedType}` },
      ...(item.takenAt ? [{ label: tr(T.fTaken), value: packTime(item.takenAt) }] : []),
      ...(item.capture
        ? [
            {
              label: tr(T.fCapture),
              value: `${item.capture.status || '–'} ${item.capture.finalUrl}${item.capture.outcome === 'loginWall' ? ` – ${tr(T.loginWall)}` : item.capture.outcome === 'error' ? ` – ${tr(T.captureError)}` : ''}`,
            },
          ]
        : []),
      ...(item.note ? [{ label: tr(T.fNote), value: item.note }] : []),
      { label: 'SHA-256', value: item.sha256 },
      { label: tr(T.fZip), value: paths[n] },
      ...(item.withdrawn
        ? [{ label: tr(T.withdrawn), value: `${packTime(item.withdrawn.at)} ${name(item.withdrawn.by)}: ${item.withdrawn.reason}` }]
        : []),
    ];
    return {
      number: n + 1,
      item,
      zipPath: paths[n],
      fields,
      embedImage: !item.withdrawn && item.kind === 'file' && isRasterImage(item.sniffedType),
    };
  });
}

function extensionFor(item: EvidenceItem): string {
  const type = item.capture?.headers['content-type'] ?? item.sniffedType;
  if (/html/i.test(type)) return 'html';
  if (/json/i.test(type)) return 'json';
  if (/pdf/i.test(type)) return 'pdf';
  if (/^text\//i.test(type)) return 'txt';
  return 'bin';
}
