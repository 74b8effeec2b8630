/**
 * The type of a file read from its first bytes, never from its name or the sender's word.
 * A small table of the types managers send as evidence; anything else is `application/octet-stream`.
 */
export type SniffedType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'image/bmp'
  | 'image/heic'
  | 'application/pdf'
  | 'application/zip'
  | 'text/html'
  | 'image/svg+xml'
  | 'video/mp4'
  | 'application/octet-stream';

/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 512;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function sniffType(head: Uint8Array): SniffedType {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return 'image/bmp';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'image/heic';
    return 'video/mp4';
  }
  return sniffText(head);
}

/** Markup is recognised so it is never shown inline: an SVG or HTML file can carry script. */
function sniffText(head: Uint8Array): SniffedType {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const start = text.trimStart().toLowerCase();
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) return 'image/svg+xml';
  if (/^<!doctype html|^<html|^<head|^<body|^<script|^<iframe|^<!--/.test(start)) return 'text/html';
  if (start.startsWith('<!doctype svg') || /^<\?xml[^>]*>\s*<!doctype svg/.test(start)) return 'image/svg+xml';
  return 'application/octet-stream';
}

/** Types a viewer may draw as a picture; SVG is deliberately not one of them. */
export function isRasterImage(type: SniffedType): boolean {
  return type === 'image/png' || type === 'image/jpeg' || type === 'image/gif' || type === 'image/webp' || type === 'image/bmp';
}
