import { downloadGate } from '../../src/compose';
import { loadConfig } from '../../src/config';

const STORAGE = 'UseDevelopmentStorage=true';

describe('the download gate the bot is built with', () => {
  it('admits a local test server on loopback in local mode only', () => {
    const local = downloadGate(loadConfig({ STORAGE_CONNECTION_STRING: STORAGE }));
    expect(local('http://127.0.0.1:8080/file')).toEqual({ ok: true });
    expect(local('https://kommune-my.sharepoint.com/personal/x/_layouts/15/download.aspx?tempauth=1')).toEqual({ ok: true });
    expect(local('http://10.0.0.5/file')).toEqual({ ok: false, host: '10.0.0.5' });

    const production = downloadGate(loadConfig({ STORAGE_CONNECTION_STRING: STORAGE, MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }));
    expect(production('http://127.0.0.1:8080/file')).toEqual({ ok: false, host: '127.0.0.1' });
    expect(production('https://localhost/file')).toEqual({ ok: false, host: 'localhost' });
    expect(production('https://kommune-my.sharepoint.com/dl')).toEqual({ ok: true });
    expect(production('https://smba.trafficmanager.net/emea/v3/attachments/1/views/original')).toEqual({ ok: true });
    expect(production('https://evil.example.com/x?tempauth=secret')).toEqual({ ok: false, host: 'evil.example.com' });
  });

  it('uses the configured hosts instead of the defaults', () => {
    const gate = downloadGate(
      loadConfig({
        STORAGE_CONNECTION_STRING: STORAGE,
        MicrosoftAppId: 'id',
        MicrosoftAppPassword: 'pw',
        EVIDENCE_DOWNLOAD_HOSTS: 'kommune.sharepoint.com, smba.trafficmanager.net',
      }),
    );
    expect(gate('https://kommune.sharepoint.com/dl')).toEqual({ ok: true });
    expect(gate('https://andenkommune.sharepoint.com/dl')).toEqual({ ok: false, host: 'andenkommune.sharepoint.com' });
  });
});
