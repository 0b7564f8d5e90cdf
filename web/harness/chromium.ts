/**
 * Chromium for the preview's journeys and gallery: the system's (`chromium` on the PATH, or
 * CHROMIUM=/path), driven by playwright-core, which never downloads a browser. Missing Chromium is an
 * error saying how to install it: the journeys run in CI, they are not skipped.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function chromiumPath(): string {
  if (process.env.CHROMIUM) {
    if (!fs.existsSync(process.env.CHROMIUM)) throw new Error(`CHROMIUM=${process.env.CHROMIUM} does not exist`);
    return process.env.CHROMIUM;
  }
  for (const name of CANDIDATES) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not this one
    }
  }
  throw new Error('Chromium is not installed: `apt-get install -y chromium fonts-noto-cjk` (.ci/run does), or set CHROMIUM=/path/to/chrome');
}

/** Headless, offline-minded flags; playwright gives each launch a fresh profile and removes it on close. */
export function launchChromium(): Promise<Browser> {
  // Nothing of the preview comes from the web; these keep Chromium itself from calling home.
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
