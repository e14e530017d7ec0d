import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which scripts/setup-chromium.sh installs: npm downloads no browser for playwright-core. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Headless without a sandbox (the tests run as root in a container), no GPU, and nothing that calls home:
// every request of a browser test must stay on 127.0.0.1.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts headless Chromium with the project's flags; each `newContext()` of it is a fresh, empty profile. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run \`bash scripts/setup-chromium.sh\` (as root) first.`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
