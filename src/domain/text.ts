/**
 * Cleaning of text a person typed. Direction overrides and control characters can make
 * a card or a post read differently from what is stored, so they never get in.
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** NFC, no control or bidi characters, Windows newlines folded, trimmed. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** One line: newlines and tabs become spaces, runs of spaces fold. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

export function truncate(value: string, max: number): string {
  return [...value].length <= max ? value : [...value].slice(0, max).join('');
}

export function length(value: string): number {
  return [...value].length;
}

/** An http(s) URL a person could open, or undefined. javascript:, data: and the like are refused. */
export function parseWebUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.toString();
}

/** Text as a reader sees it, for comparisons: no zero-width joiners, folded spaces, lower case. */
export function skeleton(value: string): string {
  return cleanText(value)
    .replace(/[\u200C\u200D]/g, '')
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('da');
}

/** The host name of a URL, or undefined when it is not one. */
export function hostName(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
