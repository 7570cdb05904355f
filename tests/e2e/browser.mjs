// Debian's Chromium driven by playwright-core, headless, with a fresh
// profile under build/ for every context.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../js/shopcore-cli.mjs';

export const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
export const SCREENSHOTS = path.join(BUILD, 'screenshots');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export const VIEWPORTS = {
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
};

// Returns {context, close}; close() also removes the profile.
export async function openBrowser(viewportName) {
  const profiles = path.join(BUILD, 'chromium-profiles');
  mkdirSync(profiles, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const userDataDir = mkdtempSync(path.join(profiles, `${viewportName}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...VIEWPORTS[viewportName],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
