// Every supervisor read of personal data is in the access log: searches, the overview, alarm
// lists, camera pictures as well as single persons — and a dashboard refreshing all day is one
// entry a minute, not one per refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_REPEAT_MS } from '../../main/auth/accessLog.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';

let t = Date.UTC(2026, 2, 2, 8);
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
beforeAll(async () => {
  h = await apiHost({}, () => t);
  as = await h.accounts();
});
afterAll(() => h.close());

const logged = (account: string): unknown[] =>
  h.host.db.prepare(`SELECT at, action, target FROM access_log WHERE account = ? AND action NOT IN ('login', 'login_failed') ORDER BY id`).all(account);

describe('access log of supervisors\' reads', () => {
  it('logs searches, the overview, alarm lists and camera pictures', async () => {
    await as.supervisor.call('persons', { status: 'all', text: '甲' });
    await as.supervisor.call('overview');
    await as.supervisor.call('alarms', { active: true });
    await as.supervisor.call('snapshot', { camera: 'CAM-INT1' });
    await as.supervisor.call('ledger', { from: t - 86_400_000, to: t });
    expect(logged('sv1')).toEqual([
      { at: t, action: 'persons', target: JSON.stringify({ status: 'all', text: '甲' }) },
      { at: t, action: 'overview', target: null },
      { at: t, action: 'alarms', target: JSON.stringify({ active: true }) },
      { at: t, action: 'snapshot', target: 'CAM-INT1' },
      { at: t, action: 'ledger', target: `${t - 86_400_000}-${t}` },
    ]);
  });

  it('writes a read repeated within a minute once, and again after it', async () => {
    const before = logged('sv1').length;
    t += 1000;
    await as.supervisor.call('overview');
    t += 30_000;
    await as.supervisor.call('overview');
    expect(logged('sv1').length).toBe(before);
    t += READ_REPEAT_MS;
    await as.supervisor.call('overview');
    expect(logged('sv1').slice(before)).toEqual([{ at: t, action: 'overview', target: null }]);
    // A different search is a different read.
    await as.supervisor.call('persons', { status: 'in' });
    expect(logged('sv1').length).toBe(before + 2);
  });

  it('does not log a desk officer\'s work', async () => {
    await as.desk.call('persons', { status: 'all' });
    await as.desk.call('overview');
    expect(logged('desk1')).toEqual([]);
  });
});
