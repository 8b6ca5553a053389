// Before the suites: fresh pages (a stale build would test old code) and an empty screenshot
// folder (so what is there is what this run saw).
import { rmSync } from 'node:fs';
import buildPages from './buildPages.js';
import { SCREENSHOTS } from './browser.js';

export default async function globalSetup(): Promise<void> {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  await buildPages();
}
