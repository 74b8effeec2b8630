import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium), or the one CHROMIUM names; no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Whether the browser the preview and the e2e test need is there. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Headless Chromium as root on a machine without internet: no sandbox, no GPU, and none of Chromium's own
 * background connections (refused here, many at a time, without these flags).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
