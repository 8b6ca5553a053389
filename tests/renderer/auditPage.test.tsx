// @vitest-environment jsdom
// The audit page: a broken chain is shown in red with the first broken event and the problem; an
// intact one with its count and head hash; backups with their verification; "backup now" only for
// an administrator, and a 409 (no backup folder) said in words.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import type { AuditResult, BackupView } from '../../common/views.js';
import { AuditScreen } from '../../renderer/src/screens/audit/AuditScreen.js';
import { FakeBridge, NOW, SESSION, SUPERVISOR } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const BROKEN: AuditResult = { ok: false, events: 17, brokenSeq: 17, problem: '事件哈希不符（事件内容被改动）', checkedAt: NOW };
const INTACT: AuditResult = { ok: true, events: 42, headHash: 'c0ffee'.repeat(10) + 'abcd', checkedAt: NOW };
const BACKUPS: BackupView[] = [
  { at: NOW - 3_600_000, path: '/backup/station-20260302-010000Z.db', events: 40, headHash: 'ab'.repeat(32), verified: true, error: null },
  { at: NOW - 90_000_000, path: '/backup/station-20260301-010000Z.db', events: 0, headHash: '', verified: false, error: '备份校验失败：第 3 号事件（事件哈希不符）' },
];

describe('audit page', () => {
  it('shows a broken chain in red, with the first broken event and what is wrong with it', async () => {
    const bridge = new FakeBridge({ audit: () => BROKEN, backups: () => BACKUPS });
    renderStation(<AuditScreen />, bridge, NOW, SUPERVISOR);
    const result = await screen.findByRole('alert');
    expect(result.className).toContain('audit-broken');
    expect(result.textContent).toContain(T.audit.broken);
    expect(result.textContent).toContain(T.audit.brokenText(17));
    expect(result.querySelector('[data-audit-broken-seq]')?.textContent).toBe('17');
    expect(result.querySelector('[data-audit-problem]')?.textContent).toBe('事件哈希不符（事件内容被改动）');
    expect(document.querySelector('[data-audit=ok]')).toBeNull();
  });

  it('shows an intact chain with its event count and head hash, verified again on request', async () => {
    const bridge = new FakeBridge({ audit: () => INTACT, backups: () => BACKUPS });
    renderStation(<AuditScreen />, bridge, NOW, SUPERVISOR);
    await screen.findByText(`✓ ${T.audit.ok}：${T.audit.okText(42)}`);
    expect(document.querySelector('[data-audit-head]')?.textContent).toBe(INTACT.headHash);
    fireEvent.click(screen.getByRole('button', { name: T.audit.verify }));
    await waitFor(() => expect(bridge.calls.filter((c) => c.method === 'audit')).toHaveLength(2));
  });

  it('lists backups with their verification; a supervisor cannot start one', async () => {
    const bridge = new FakeBridge({ audit: () => INTACT, backups: () => BACKUPS });
    renderStation(<AuditScreen />, bridge, NOW, SUPERVISOR);
    await screen.findByText(BACKUPS[0]?.path ?? '');
    expect(screen.getByText(`✗ ${T.audit.failed(BACKUPS[1]?.error ?? '')}`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: T.audit.backupNow })).toBeNull();
  });

  it('says plainly that no backup folder is configured when the station answers 409', async () => {
    const bridge = new FakeBridge({
      audit: () => INTACT, backups: () => [],
      backupNow: () => { throw new ApiCallError(409, 'NO_BACKUP_DIR', '未配置备份目录（配置文件 backup.dir）'); },
    });
    renderStation(<AuditScreen />, bridge, NOW, SESSION);
    await screen.findByText(T.audit.noBackups);
    fireEvent.click(screen.getByRole('button', { name: T.audit.backupNow }));
    expect((await screen.findByText(T.audit.noBackupDir)).getAttribute('role')).toBe('alert');
  });
});
