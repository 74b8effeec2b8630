import { checkDownloadUrl, DEFAULT_DOWNLOAD_HOSTS, hostMatches } from '../../src/evidence/download-allow-list';
import { DEFAULT_EVIDENCE_CONFIG, parseEvidenceConfig } from '../../src/evidence/evidence-config';

const prod = { hosts: DEFAULT_DOWNLOAD_HOSTS, localMode: false };
const local = { hosts: DEFAULT_DOWNLOAD_HOSTS, localMode: true };

describe('download allow-list', () => {
  it.each([
    'https://kommune.sharepoint.com/personal/mette/_layouts/15/download.aspx?UniqueId=1&tempauth=x',
    'https://kommune-my.sharepoint.com/x',
    'https://smba.trafficmanager.net/emea/v3/attachments/1/views/original',
    'https://eu.smba.botframework.com/v3/attachments/1',
    'https://KOMMUNE.SharePoint.com./x',
  ])('allows %s in production', (url) => {
    expect(checkDownloadUrl(url, prod).ok).toBe(true);
  });

  it.each([
    ['http://kommune.sharepoint.com/x', 'notHttps', 'kommune.sharepoint.com'],
    ['https://sharepoint.com/x', 'hostNotAllowed', 'sharepoint.com'],
    ['https://evilsharepoint.com/x', 'hostNotAllowed', 'evilsharepoint.com'],
    ['https://kommune.sharepoint.com.evil.dk/x', 'hostNotAllowed', 'kommune.sharepoint.com.evil.dk'],
    ['https://kommune.sharepoint.com:8443/x', 'hostNotAllowed', 'kommune.sharepoint.com'],
    ['https://user:pw@kommune.sharepoint.com/x', 'credentialsInUrl', 'kommune.sharepoint.com'],
    ['https://127.0.0.1/x', 'hostNotAllowed', '127.0.0.1'],
    ['http://127.0.0.1:8080/x', 'notHttps', '127.0.0.1'],
    ['file:///etc/passwd', 'notHttps', ''],
    ['https://169.254.169.254/latest', 'hostNotAllowed', '169.254.169.254'],
  ])('refuses %s in production (%s), naming the host only', (url, reason, host) => {
    expect(checkDownloadUrl(url, prod)).toEqual({ ok: false, reason, host });
  });

  it('refuses what is not a URL', () => {
    expect(checkDownloadUrl('not a url', prod)).toEqual({ ok: false, reason: 'badUrl' });
  });

  it('allows loopback over http only in local mode, and nothing else extra', () => {
    expect(checkDownloadUrl('http://127.0.0.1:5000/file', local).ok).toBe(true);
    expect(checkDownloadUrl('http://localhost:5000/file', local).ok).toBe(true);
    expect(checkDownloadUrl('http://[::1]:5000/file', local).ok).toBe(true);
    expect(checkDownloadUrl('http://10.0.0.1/file', local)).toMatchObject({ ok: false, reason: 'notHttps' });
    expect(checkDownloadUrl('https://example.org/file', local)).toMatchObject({ ok: false, reason: 'hostNotAllowed' });
  });

  it('matches exact names and *. patterns, not the bare domain', () => {
    expect(hostMatches('a.b.sharepoint.com', '*.sharepoint.com')).toBe(true);
    expect(hostMatches('sharepoint.com', '*.sharepoint.com')).toBe(false);
    expect(hostMatches('kommune.sharepoint.com', 'kommune.sharepoint.com')).toBe(true);
    expect(hostMatches('other.sharepoint.com', 'kommune.sharepoint.com')).toBe(false);
  });
});

describe('evidence settings', () => {
  it('has the documented defaults', () => {
    expect(parseEvidenceConfig({})).toEqual({ ok: true, config: DEFAULT_EVIDENCE_CONFIG });
    expect(DEFAULT_EVIDENCE_CONFIG).toMatchObject({
      maxFileBytes: 25 * 1024 * 1024,
      maxCaseBytes: 250 * 1024 * 1024,
      maxFilesPerMessage: 20,
    });
  });

  it('reads the limits and the tenant host list', () => {
    const r = parseEvidenceConfig({
      EVIDENCE_MAX_FILE_MB: '10',
      EVIDENCE_MAX_CASE_MB: '100',
      EVIDENCE_MAX_FILES_PER_MESSAGE: '5',
      EVIDENCE_DOWNLOAD_HOSTS: 'kommune.sharepoint.com, kommune-my.sharepoint.com,*.botframework.com',
    });
    expect(r).toEqual({
      ok: true,
      config: {
        maxFileBytes: 10 * 1024 * 1024,
        maxCaseBytes: 100 * 1024 * 1024,
        maxFilesPerMessage: 5,
        downloadHosts: ['kommune.sharepoint.com', 'kommune-my.sharepoint.com', '*.botframework.com'],
      },
    });
  });

  it('reports every mistake at once, each with how to fix it', () => {
    const r = parseEvidenceConfig({ EVIDENCE_MAX_FILE_MB: '-1', EVIDENCE_MAX_CASE_MB: '1', EVIDENCE_DOWNLOAD_HOSTS: '*, 10.0.0.1' });
    if (r.ok) throw new Error('accepted');
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/EVIDENCE_MAX_FILE_MB is "-1"; use a whole number/);
    expect(r.problems[1]).toMatch(/EVIDENCE_MAX_CASE_MB \(1\) is smaller than EVIDENCE_MAX_FILE_MB \(25\)/);
    expect(r.problems[2]).toMatch(/EVIDENCE_DOWNLOAD_HOSTS has "\*", "10.0.0.1"/);
  });
});
