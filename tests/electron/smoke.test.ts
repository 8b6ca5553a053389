// The real desk window, where this machine has an Electron binary: it opens on app://, the first
// administrator is created, and the overview of the area is shown. Machines without the binary
// (it cannot be downloaded everywhere) skip this test and say so in its name; the main process is
// covered there by main.test.ts under a fake Electron.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { T } from '../../common/deskText.js';
import { buildElectron, buildElectronSqlite } from '../../main/electron/build.js';
import { findElectron } from '../../main/host/electronBinary.js';
import { ensureRendererBuilt } from '../../main/host/rendererBuild.js';
import { REPO } from '../helpers/stationProcess.js';
import { AREA, scratch } from '../host/bootFixtures.js';

const electron = findElectron();
if (electron.path === null) console.warn(`the desk window test is skipped: no Electron binary on this machine (${electron.reason})`);
const s = scratch('desk-window-');
let app: ElectronApplication | null = null;
afterAll(async () => {
  await app?.close();
  s.remove();
});

describe('the desk window', () => {
  it.skipIf(electron.path === null)(`opens and reaches the overview${electron.path === null ? ` — SKIPPED: no Electron binary on this machine (${electron.reason})` : ''}`, async () => {
    const log = (): void => undefined;
    await buildElectronSqlite(log);
    await ensureRendererBuilt(log);
    await buildElectron();
    const data = mkdtempSync(join(tmpdir(), 'desk-window-data-'));
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('npm_config_')));
      app = await _electron.launch({ executablePath: electron.path ?? '', args: [REPO, '--config', s.config('area.json', { area: AREA }), '--data', data], env });
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://station/');
      await page.getByRole('heading', { name: T.auth.setupTitle }).waitFor();
      await page.getByLabel(T.auth.officerId, { exact: true }).fill('ADM');
      await page.getByLabel(T.auth.name, { exact: true }).fill('管理员');
      await page.getByLabel(T.auth.password, { exact: true }).fill('station2026');
      await page.getByLabel(T.auth.passwordAgain, { exact: true }).fill('station2026');
      await page.getByRole('button', { name: T.auth.create }).click();
      await page.getByRole('heading', { name: T.overview.title }).waitFor();
      await page.locator('[data-testid=room-tile]').first().waitFor();
      expect(await page.locator('.area-name').textContent()).toBe(AREA.area.name);
    } finally {
      await app?.close();
      app = null;
      rmSync(data, { recursive: true, force: true });
    }
  }, 300_000);
});
