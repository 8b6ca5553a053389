// A backup made while the station runs verifies, and a station started on it shows the same area.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupView, Overview } from '../../common/views.js';
import { msUntilHour } from '../../main/host/backup.js';
import { StationHost } from '../../main/host/stationHost.js';
import { overview } from '../../main/api/queries/overview.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';

const backupDir = mkdtempSync(join(tmpdir(), 'station-backups-'));
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
beforeAll(async () => {
  h = await apiHost({ backup: { dir: backupDir, hour: 3 } });
  as = await h.accounts();
  await as.desk.call('submit', { command: { type: 'person.enter', person: { id: 'P1', name: '张三', gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons' } } });
  await as.desk.call('submit', { command: { type: 'person.move', who: 'P1', room: 'W1' } });
});
afterAll(async () => { await h.close(); rmSync(backupDir, { recursive: true, force: true }); });

describe('backup and restore', () => {
  it('backs up, verifies, and restores to the same state', async () => {
    const r = await as.admin.call<BackupView>('backupNow');
    expect(r.body).toMatchObject({ verified: true, error: null, events: h.host.station.store.count(), headHash: h.host.station.store.head.hash });
    const listed = await as.supervisor.call<BackupView[]>('backups');
    expect(listed.body[0]?.path).toBe(r.body.path);

    const restoreDir = mkdtempSync(join(tmpdir(), 'station-restore-'));
    try {
      copyFileSync(r.body.path, join(restoreDir, 'station.db'));
      const restored = new StationHost({ dataDir: restoreDir, log: () => undefined });
      const strip = (o: Overview) => ({ ...o, now: 0 });
      expect(strip(overview(restored.db, { now: 0, timeZone: 'Asia/Shanghai', example: true })))
        .toEqual(strip(overview(h.host.db, { now: 0, timeZone: 'Asia/Shanghai', example: true })));
      expect(restored.station.state.activeAlarms.size).toBe(h.host.station.state.activeAlarms.size);
      restored.close();
    } finally {
      rmSync(restoreDir, { recursive: true, force: true });
    }
  });

  it('says when no backup folder is configured', async () => {
    const other = await apiHost();
    const admin = (await other.accounts()).admin;
    expect((await admin.call('backupNow')).status).toBe(409);
    await other.close();
  });

  it('schedules the nightly run at the configured local hour', () => {
    const t = Date.UTC(2026, 2, 2, 18, 30); // 02:30 in +08:00
    expect(msUntilHour(t, 3, 480)).toBe(30 * 60_000);
    expect(msUntilHour(t + 60 * 60_000, 3, 480)).toBe(23 * 3_600_000 + 30 * 60_000);
  });
});
