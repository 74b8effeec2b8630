import { cleanLine } from './text';

/** Longest cleaned name, in characters; long enough for a real name, short enough for a card, a PDF line and any file system. */
export const FILE_NAME_MAX = 120;

/** Characters Windows or a ZIP reader would take as a path, a device or a wildcard. */
const RESERVED = /[<>:"/\\|?*]/g;

/**
 * A file name a person sent, made safe to show and to put in a ZIP: no folders (`../../x` is `x`),
 * no control or text-direction characters (a `\u202E` can make `exe.png` read as `gnp.exe`),
 * no reserved characters, bounded length with the extension kept. Never empty.
 */
export function cleanFileName(value: unknown, fallback = 'fil', max = FILE_NAME_MAX): string {
  const line = cleanLine(value);
  const base = line.split(/[/\\]/).pop() ?? '';
  const name = base.replace(RESERVED, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (!name) return fallback;
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  // An extension longer than a few characters is part of the name, not a type.
  if (ext.length === 0 || ext.length > 10) return chars.slice(0, max).join('').trimEnd();
  return `${chars
    .slice(0, max - ext.length)
    .join('')
    .replace(/[.\s]+$/, '')}${ext.join('')}`;
}

/** Names unique within one folder: a second `skærm.png` becomes `skærm (2).png`. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    for (let n = 2; seen.has(candidate.toLocaleLowerCase('da')); n++) candidate = `${stem} (${n})${ext}`;
    seen.add(candidate.toLocaleLowerCase('da'));
    return candidate;
  });
}
