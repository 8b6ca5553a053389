// Headless Chromium (Debian's, or CHROMIUM_PATH) at the desk monitor's size, and screenshots into
// the folder the suite names.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO } from './station.js';

export const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
export const DESK_VIEWPORT = { width: 1366, height: 768 } as const;
/** A4 at 96 dpi: a print-media screenshot at this width shows the paper's layout. */
export const A4_VIEWPORT = { width: 794, height: 1123 } as const;

/** `extraArgs`: more Chromium switches (a fake camera for the registration photo). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The browser's own language is Chinese too (Debian's chromium-l10n), as on the desk: whatever the
    // browser would say itself (it should say nothing) would be in Chinese.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN', ...extraArgs],
  });
}

/**
 * A page in a browser context of its own (its own sign-in). `evalScripts`: lets a measuring script
 * run text in the page despite the station's CSP (bench only). `ignoreHTTPSErrors`: accepts the
 * station's self-made LAN certificate (the test checks its fingerprint itself).
 */
export async function deskPage(browser: Browser, options: { evalScripts?: boolean; ignoreHTTPSErrors?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: DESK_VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: options.evalScripts ?? false,
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false, acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * A full-page screenshot named for the screen it shows. The screen must also fit the desk
 * monitor's width: nothing may stick out sideways (long names wrap or are cut with an ellipsis).
 */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true });
  const width: unknown = await page.evaluate('document.documentElement.scrollWidth');
  if (typeof width !== 'number') throw new Error(`${name}: could not read the page width`);
  const viewport = page.viewportSize()?.width ?? DESK_VIEWPORT.width;
  if (width > viewport) throw new Error(`${name}: the page is ${width}px wide, wider than the ${viewport}px screen`);
  return path;
}
