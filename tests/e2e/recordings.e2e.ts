// Recordings for people, end to end: the real headless station records a real RTSP camera
// (GStreamer, H.264 + G.711) in the interrogation room; a supervisor watches the room live on the
// video wall and from the room view (the picture plays: its time advances and frames are
// decoded), plays the session back across its segments from the person's page, sees a segment
// changed on disk refused with a message on the page, exports the session and reads its summary;
// the administrator sees who watched what.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { T } from '../../common/deskText.js';
import { R } from '../../common/recordingText.js';
import { openDb } from '../../main/core/store/db.js';
import { EXAMPLE_AREA } from '../../main/host/exampleArea.js';
import { RtspTestServer } from '../support/rtspServer.js';
import { deskPage, launchBrowser, shot } from './browser.js';
import { startStation, type RunningStation } from './station.js';
import { ADMIN, ApiClient } from './stationApi.js';

const SUPERVISOR = { officerId: 'E200', name: '孙立平', password: 'Watch2026ok' } as const;
const PERSON = { id: 'P-REC-001', name: '钱卫东' } as const;
const SESSION = 'S-REC-001';
const CAMERA = 'CAM-INT1';

let camera: RtspTestServer;
let station: RunningStation;
let browser: Browser;
let page: Page;
let admin: ApiClient;

/** Playback state of a video element: its time, frames decoded, whether it plays. */
async function videoState(selector: string): Promise<{ time: number; frames: number; paused: boolean }> {
  return page.locator(selector).first().evaluate((v) => {
    const video = v as unknown as { currentTime: number; paused: boolean; getVideoPlaybackQuality(): { totalVideoFrames: number } };
    return { time: video.currentTime, frames: video.getVideoPlaybackQuality().totalVideoFrames, paused: video.paused };
  });
}

/** The picture plays: decoded frames, and its time moves on. */
async function expectPlaying(selector: string): Promise<void> {
  await expect.poll(async () => (await videoState(selector)).frames, { timeout: 20_000 }).toBeGreaterThan(0);
  const first = (await videoState(selector)).time;
  await expect.poll(async () => (await videoState(selector)).time, { timeout: 10_000 }).toBeGreaterThan(first + 0.5);
}

/** The session's start and end, once it has ended. */
let session = { startedAt: 0, endedAt: 0 };

/** Segments that hold part of the session (from its start on). */
function inSession(startedAt: number): ReturnType<typeof segments> {
  return segments().filter((s) => s.ended_at > startedAt);
}

/** Segments of the session's camera in the record, as the station's database holds them. */
function segments(): { seq: number; path: string; started_at: number; ended_at: number }[] {
  const db = openDb(join(station.stationData, 'station.db'), { readonly: true });
  try {
    return db.prepare('SELECT seq, path, started_at, ended_at FROM segments WHERE camera_id = ? ORDER BY started_at').all(CAMERA) as { seq: number; path: string; started_at: number; ended_at: number }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  camera = await RtspTestServer.start();
  station = await startStation({
    config: {
      area: { ...EXAMPLE_AREA, area: { id: 'A-E2E', name: '城东派出所办案区' }, cameras: [...EXAMPLE_AREA.cameras ?? []].map((c) => (c.id === CAMERA ? { ...c, rtsp: camera.url('cam') } : c)) },
      recording: { segmentSeconds: 2 },
    },
  });
  browser = await launchBrowser();
  page = await deskPage(browser);
  admin = new ApiClient(station.url);
  await admin.call('setup', ADMIN);
  await admin.call('submit', { command: { type: 'officer.register', officer: { id: SUPERVISOR.officerId, name: SUPERVISOR.name, gender: 'male' } } });
  await admin.call('saveAccount', { account: SUPERVISOR.officerId, officerId: SUPERVISOR.officerId, roles: ['supervisor'], password: SUPERVISOR.password });
  const submit = async (command: Record<string, unknown>): Promise<void> => {
    const r = await admin.call('submit', { command: command as never });
    if (!r.ok) throw new Error(`${String(command.type)}: ${r.rejection.message}`);
  };
  await submit({ type: 'person.enter', person: { id: PERSON.id, name: PERSON.name, gender: 'male', birthDate: '1979-11-02', role: 'suspect', caseNo: 'A3201052026030009', basis: 'criminal_summons', officers: ['E001', 'E003'] } });
  await submit({ type: 'security.check', personId: PERSON.id, checkers: ['E001'] });
  await submit({ type: 'person.move', who: PERSON.id, room: 'INT1' });
  await submit({ type: 'session.start', sessionId: SESSION, room: 'INT1', personId: PERSON.id, kind: 'interrogation', officers: ['E001', 'E003'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  await camera?.stop();
});

async function signIn(account: string, password: string): Promise<void> {
  await page.goto(station.url);
  await page.getByRole('heading', { name: T.auth.signInTitle }).waitFor();
  await page.getByLabel(T.auth.account, { exact: true }).fill(account);
  await page.getByLabel(T.auth.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: T.auth.signIn }).click();
}

describe('recordings for a supervisor', () => {
  it('shows the interrogation room live on the video wall, with its recording state', async () => {
    await signIn(SUPERVISOR.officerId, SUPERVISOR.password);
    await page.getByRole('heading', { name: T.dashboard.title }).waitFor();
    await page.getByRole('link', { name: R.nav.wall }).click();
    await page.getByRole('heading', { name: R.wall.title }).waitFor();
    const tile = page.locator('[data-wall-room="INT1"]');
    await expect.poll(() => tile.getAttribute('data-recording'), { timeout: 20_000 }).toBe('recorded');
    await expectPlaying('[data-wall-room="INT1"] video');
    await shot(page, '60-video-wall');
  }, 120_000);

  it('watches the room live from the room view', async () => {
    await page.goto(`${station.url}/#/room/INT1`);
    await page.locator(`[data-live-button="${CAMERA}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectPlaying('[role=dialog] video');
    await shot(page, '61-live-view');
    await dialog.getByRole('button', { name: R.live.close, exact: true }).click();
  }, 60_000);

  it('plays the session back across its segments from the person\'s page', async () => {
    // At least three segments within the session, and all that hold part of it: the recording has
    // gone on past its end. (A segment's recorded times are taken when the station reads of its
    // close, so the one after a segment ending just past the session's end may begin just before it.)
    const startedAt = (await admin.call('sessionRecording', { id: SESSION }))?.session.startedAt ?? 0;
    await expect.poll(() => inSession(startedAt).length, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(3);
    await admin.call('submit', { command: { type: 'session.end', sessionId: SESSION } });
    const endedAt = (await admin.call('sessionRecording', { id: SESSION }))?.session.endedAt ?? 0;
    await expect.poll(() => segments().at(-1)?.started_at ?? 0, { timeout: 20_000, interval: 500 }).toBeGreaterThan(endedAt);
    session = { startedAt, endedAt };

    await page.goto(`${station.url}/#/person/${PERSON.id}`);
    await page.locator('.person-recordings [data-recording-span]').first().waitFor();
    await page.locator('.person-recordings').getByRole('link', { name: R.timeline.playSession }).click();
    await page.getByRole('heading', { name: R.session.title('讯问') }).waitFor();
    await expectPlaying('[data-playback] video');
    await page.getByRole('button', { name: R.playback.speedLabel(4) }).click();
    // Played into the third segment of the session: across two segment boundaries. Half a second
    // into it, or half of it where it is shorter (on a loaded machine the recorder may restart, leave
    // a gap, and close a segment after a fraction of a second; the session may end soon after).
    const third = inSession(startedAt)[2];
    const into = third ? third.started_at + Math.min(500, (Math.min(third.ended_at, endedAt) - third.started_at) / 2) : Number.MAX_SAFE_INTEGER;
    const position = async (): Promise<number> => Number(await page.locator('[data-position]').getAttribute('data-position'));
    await expect.poll(position, { timeout: 30_000 }).toBeGreaterThan(into);
    // Played to the end, the clock stands at the recorded end of the session's last segment: not
    // wherever the playhead was last seen (a second of media earlier at ×4, or never inside a
    // segment shorter than that).
    const last = inSession(startedAt).filter((s) => s.started_at < endedAt).at(-1);
    await expect.poll(() => page.locator('[data-playback] .player-overlay').textContent(), { timeout: 30_000 }).toBe(R.playback.ended);
    expect(await position()).toBe(last?.ended_at);
    expect((await videoState('[data-playback] video')).frames).toBeGreaterThan(25);
    expect(await page.locator('[data-refused]').count()).toBe(0);
    await shot(page, '62-playback');
  }, 120_000);

  it('refuses a segment changed on disk, with a message on the page', async () => {
    const changed = inSession(session.startedAt)[1];
    if (!changed) throw new Error('no segment to change');
    const fd = openSync(changed.path, 'r+');
    writeSync(fd, Buffer.from([readFileSync(changed.path)[300]! ^ 0x01]), 0, 1, 300);
    closeSync(fd);
    await page.reload();
    await page.locator('[data-playback] video').waitFor();
    const alert = page.locator('[data-refused]');
    await alert.waitFor({ timeout: 30_000 });
    await expect.poll(() => alert.textContent()).toContain('录像片段被改动');
    await shot(page, '63-playback-refused');
  }, 90_000);

  it('exports the session from its page and shows its summary', async () => {
    await page.getByRole('button', { name: R.evidence.button }).click();
    await page.locator('[data-export-outcome=ok]').waitFor({ timeout: 60_000 });
    await page.locator('[data-export]').first().waitFor();
    await page.getByRole('link', { name: R.evidence.summary }).first().click();
    await page.getByRole('heading', { name: R.summary.title }).waitFor();
    await expect.poll(() => page.locator('.evidence-summary').textContent()).toContain(PERSON.name);
    await expect.poll(() => page.locator('.evidence-summary').textContent()).toContain(R.summary.changed);
    await shot(page, '64-evidence-summary');
  }, 120_000);

  it('lets the administrator see who watched what', async () => {
    await page.getByRole('button', { name: T.shell.signOut }).click();
    await signIn(ADMIN.officerId, ADMIN.password);
    await page.getByRole('button', { name: T.shell.nav.admin }).click();
    await page.getByRole('link', { name: R.nav.viewingLog }).click();
    await page.getByRole('heading', { name: R.viewingLog.title }).waitFor();
    await expect.poll(() => page.locator('[data-viewing=live]').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-viewing=playback]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('tbody').textContent()).toContain(SUPERVISOR.name);
    await shot(page, '65-viewing-log');
  }, 60_000);
});
