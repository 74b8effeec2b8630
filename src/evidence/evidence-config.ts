import { DEFAULT_DOWNLOAD_HOSTS, isValidHostPattern } from './download-allow-list';

/** Limits and the download allow-list for evidence, parsed once at start (kept apart from src/config.ts). */
export interface EvidenceConfig {
  readonly maxFileBytes: number;
  readonly maxCaseBytes: number;
  readonly maxFilesPerMessage: number;
  readonly downloadHosts: readonly string[];
}

export const MB = 1024 * 1024;
export const DEFAULT_EVIDENCE_CONFIG: EvidenceConfig = {
  maxFileBytes: 25 * MB,
  maxCaseBytes: 250 * MB,
  maxFilesPerMessage: 20,
  downloadHosts: DEFAULT_DOWNLOAD_HOSTS,
};

export type EvidenceConfigResult =
  | { readonly ok: true; readonly config: EvidenceConfig }
  | { readonly ok: false; readonly problems: string[] };

/**
 * EVIDENCE_MAX_FILE_MB (default 25), EVIDENCE_MAX_CASE_MB (default 250), EVIDENCE_MAX_FILES_PER_MESSAGE (default 20),
 * EVIDENCE_DOWNLOAD_HOSTS (comma-separated host patterns, default the SharePoint and Bot Framework hosts).
 * Problems are returned, each saying how to fix it, so the caller can report them with the others at start.
 */
export function parseEvidenceConfig(env: NodeJS.ProcessEnv): EvidenceConfigResult {
  const problems: string[] = [];
  const get = (name: string) => env[name]?.trim() ?? '';
  const whole = (name: string, fallback: number, max: number): number => {
    const text = get(name);
    if (!text) return fallback;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > max) {
      problems.push(`${name} is "${text}"; use a whole number from 1 to ${max} (default ${fallback}).`);
      return fallback;
    }
    return n;
  };
  const fileMb = whole('EVIDENCE_MAX_FILE_MB', DEFAULT_EVIDENCE_CONFIG.maxFileBytes / MB, 250);
  const caseMb = whole('EVIDENCE_MAX_CASE_MB', DEFAULT_EVIDENCE_CONFIG.maxCaseBytes / MB, 10_000);
  if (caseMb < fileMb)
    problems.push(`EVIDENCE_MAX_CASE_MB (${caseMb}) is smaller than EVIDENCE_MAX_FILE_MB (${fileMb}); raise it or lower the file limit.`);
  const maxFilesPerMessage = whole('EVIDENCE_MAX_FILES_PER_MESSAGE', DEFAULT_EVIDENCE_CONFIG.maxFilesPerMessage, 100);

  const hostsText = get('EVIDENCE_DOWNLOAD_HOSTS');
  const downloadHosts = hostsText
    ? hostsText
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
    : DEFAULT_EVIDENCE_CONFIG.downloadHosts;
  const bad = downloadHosts.filter((h) => !isValidHostPattern(h));
  if (bad.length || downloadHosts.length === 0)
    problems.push(
      `EVIDENCE_DOWNLOAD_HOSTS has ${bad.length ? `"${bad.join('", "')}"` : 'no hosts'}; list host names such as "kommune.sharepoint.com" or "*.sharepoint.com", separated by commas.`,
    );

  if (problems.length) return { ok: false, problems };
  return { ok: true, config: { maxFileBytes: fileMb * MB, maxCaseBytes: caseMb * MB, maxFilesPerMessage, downloadHosts } };
}
