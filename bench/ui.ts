// npx tsx bench/ui.ts — the desk page against a real station:
//  - first render of the overview with 40 rooms and 300 persons (target < 1 s): from navigation
//    start to every room tile on the page, with its occupants, and the count of 300 persons;
//  - an alarm from the core to the page (target < 300 ms): a suspect moved unsearched into a
//    waiting room raises 未安检进入功能室 at once; the time from the alarm's raisedAt (station clock)
//    to the moment the page first shows it (page clock; same machine).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import buildPages from '../tests/e2e/buildPages.js';
import { deskPage, launchBrowser } from '../tests/e2e/browser.js';
import { REPO, startStation } from '../tests/e2e/station.js';
import { ADMIN, ApiClient } from '../tests/e2e/stationApi.js';
import { busyAreaConfig, fillArea, PERSONS, ROOMS } from './busyArea.js';

const RENDER_RUNS = 5;
const OUTPUT = join(REPO, 'bench-output');
const ALARMS = 15;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const round = (x: number): number => Math.round(x * 10) / 10;

// The page-side code is plain script text: it runs in the browser, not under this file's types
// (and a bundler's helpers must not leak into it).

/** Milliseconds from navigation start until the overview shows every room and every person. */
async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // Rooms in use are tiles; on the desk monitor idle rooms are chips under them.
  const ready = `document.querySelectorAll('[data-testid=room-tile], [data-testid=room-chip]').length === ${ROOMS} && document.querySelector('[data-stat=in-area]')?.textContent === '${PERSONS}'`
    + ` && document.querySelectorAll('.occupants li').length > 0`;
  const handle = await page.waitForFunction(`(${ready}) ? performance.now() : false`, undefined, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Records when each alarm first appears on the page (window.benchSeen: alarm id → page clock). */
async function watchAlarms(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.benchSeen = {});
    const mark = () => {
      const now = Date.now();
      for (const el of document.querySelectorAll('[data-alarm-id]')) {
        const id = el.getAttribute('data-alarm-id');
        if (id && !(id in seen)) seen[id] = now;
      }
    };
    new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
    mark();
  })()`);
}

async function alarmLatency(page: Page, api: ApiClient): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ALARMS; i++) {
    const id = `ALARM${i}`;
    const enter = await api.call('submit', { command: { type: 'person.enter', person: { id, name: `告警测试${i}`, gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'voluntary' } } });
    if (!enter.ok) throw new Error(enter.rejection.message);
    const moved = await api.call('submit', { command: { type: 'person.move', who: id, room: `W${(i % 10) * 2 + 1}` } });
    if (!moved.ok) throw new Error(moved.rejection.message);
    const alarm = moved.alarms.find((a) => a.rule === 'missing_security_check');
    if (!alarm) throw new Error('no alarm raised');
    const seenAt = await page.waitForFunction(`window.benchSeen[${JSON.stringify(alarm.id)}] ?? false`, undefined, { polling: 10, timeout: 10_000 });
    out.push(((await seenAt.jsonValue()) as number) - alarm.raisedAt);
  }
  return out;
}

export async function benchUi(): Promise<Record<string, number>> {
  await buildPages();
  const station = await startStation({ config: busyAreaConfig() });
  const browser = await launchBrowser();
  try {
    const api = new ApiClient(station.url);
    const setup = await api.call('setup', ADMIN);
    if (!setup.ok) throw new Error(setup.message);
    const fillStart = performance.now();
    await fillArea(api);
    const fillMs = performance.now() - fillStart;

    const page = await deskPage(browser, { evalScripts: true });
    const login = new ApiClient(station.url);
    await login.call('login', { account: ADMIN.officerId, password: ADMIN.password });
    const [name, value] = login.cookieHeader().split('=');
    await page.context().addCookies([{ name: name ?? '', value: value ?? '', url: station.url }]);

    await firstRender(page, station.url); // warms the browser's cache of the page's files
    const renders: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) renders.push(await firstRender(page, station.url));

    // What a desk sees of a full area, for a look (bench-output/ is not committed).
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'overview-40-rooms-300-persons.png') });
    await watchAlarms(page);
    const latencies = await alarmLatency(page, api);
    return {
      ui_rooms: ROOMS, ui_persons: PERSONS, ui_fill_commands: PERSONS * 3, ui_fill_ms: round(fillMs),
      ui_overview_first_render_median_ms: round(median(renders)), ui_overview_first_render_max_ms: round(Math.max(...renders)), ui_overview_runs: RENDER_RUNS,
      ui_alarm_to_page_median_ms: round(median(latencies)), ui_alarm_to_page_max_ms: round(Math.max(...latencies)), ui_alarm_samples: latencies.length,
    };
  } finally {
    await browser.close();
    await station.stop();
  }
}

if (process.argv[1]?.endsWith('ui.ts')) {
  benchUi().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`), (err: unknown) => {
    process.stderr.write(`bench/ui: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
