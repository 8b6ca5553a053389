// 办案区设置 before the save: the draft of the set-up as it stands changes nothing; each change
// becomes the command the core takes (only the lists that changed, flags equal to the new kind's
// default left out), the core's own refusal comes back at the draft's field, and what the change
// does — and what will raise alarms — is said in the desk's words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaDraft } from '../../common/areaSetup.js';
import { currentDraft } from '../../main/api/setup/current.js';
import { dryRun } from '../../main/api/setup/dryRun.js';
import { describeChange } from '../../main/api/setup/effects.js';
import { NO_DEVICES, planSetup, type DeviceConnections } from '../../main/api/setup/plan.js';
import { emptyState } from '../../main/core/state/model.js';
import { SUSPECT, T0, testStation, type TestStation } from '../helpers/station.js';

let s: TestStation;
const moment = { at: T0 + 100_000, offsetMinutes: 480 };
const DEVICES: DeviceConnections = {
  readers: { 'RD-W1': { transport: '/dev/serial/by-id/usb-1a86-if00', protocol: 'r2000' } },
  cameras: { 'CAM-INT1': { rtsp: 'rtsp://10.0.0.21/Streaming/Channels/101', onvif: null, user: 'admin', pass: 'Secret-1', profile: null } },
  deskReader: null,
  idCardReader: null,
};

beforeEach(() => {
  s = testStation();
  s.ok(1, SUSPECT('P1'));
  s.ok(2, { type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' });
});
afterEach(() => s.close());

function plan(draft: AreaDraft, saved: DeviceConnections = DEVICES) {
  const r = planSetup(s.station.state, saved, draft);
  if (!r.ok) throw new Error(r.problem.message);
  return r.plan;
}

describe('set-up plan', () => {
  it('changes nothing when the set-up is sent back as it stands (no password in it)', () => {
    const draft = currentDraft(s.station.state, DEVICES);
    expect(JSON.stringify(draft)).not.toContain('Secret-1');
    expect(draft.cameras.find((c) => c.id === 'CAM-INT1')?.connection).toMatchObject({ user: 'admin', passSet: true });
    const p = plan(draft);
    expect(p.commands).toEqual([]);
    expect(p.changed).toEqual({ readers: [], cameras: [], deskReader: false, idCardReader: false });
    expect(p.untested).toEqual([]);
    expect(p.connections.cameras['CAM-INT1']?.pass).toBe('Secret-1');
  });

  it('adds a room and moves a camera with one area.update of the two lists that changed', () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.rooms.push({ id: 'INT2', name: '讯问室二', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true });
    draft.cameras = draft.cameras.map((c) => (c.id === 'CAM-INQ1' ? { ...c, room: 'INT2' } : c));
    const p = plan(draft);
    expect(p.commands.map((c) => c.command)).toEqual([{
      type: 'area.update',
      rooms: [...s.station.state.rooms.values()].map((r) => expect.objectContaining({ id: r.id })).concat([{ id: 'INT2', name: '讯问室二', kind: 'interrogation' }]),
      cameras: [{ id: 'CAM-INT1', room: 'INT1' }, { id: 'CAM-INQ1', room: 'INT2' }],
    }]);
    expect(dryRun(s.station.state, p.commands, moment)).toBeNull();
    const report = describeChange(s.station.state, draft, p, DEVICES, new Set(['CAM-INT1']));
    expect(report.effects).toEqual(['新增房间 讯问室二（讯问室）', '摄像机 CAM-INQ1：询问室 → 讯问室二']);
    expect(report.warnings).toContain('询问室 没有摄像机：在此开始询问将立即告警');
    expect(report.warnings).toContain('讯问室二 的摄像机都没有设置视频流，本工作站不会录像：在此开始讯（询）问将立即告警');
    expect(report.restarts).toEqual([]);
  });

  it("says an interrogation room without a camera will alarm at once, and that someone is in it", () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.rooms = draft.rooms.map((r) => (r.id === 'W1' ? { ...r, kind: 'interrogation', recordingRequired: true, guardRequired: true } : r));
    const p = plan(draft);
    // The flags equal the new kind's default: left out, so that the kind decides them.
    expect((p.commands[0]?.command.rooms as Record<string, unknown>[]).find((r) => r.id === 'W1')).toEqual({ id: 'W1', name: '候问室一', kind: 'interrogation', capacity: 2 });
    const report = describeChange(s.station.state, draft, p, DEVICES, new Set());
    expect(report.effects).toEqual(['候问室一 改为讯问室（录音录像、看管要求随类型重设）', '候问室一 改为须录音录像', '候问室一 改为须民警看管']);
    expect(report.warnings.slice(0, 2)).toEqual(['候问室一 没有摄像机：在此开始讯问将立即告警', '候问室一 内现有 1 人：保存后即开始计算告警时限']);
  });

  it("brings back the core's refusal of removing an occupied room at the rooms field", () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.rooms = draft.rooms.filter((r) => r.id !== 'W1');
    draft.readers = draft.readers.filter((r) => r.room !== 'W1');
    const problem = dryRun(s.station.state, plan(draft).commands, moment);
    expect(problem).toEqual({ field: 'rooms', message: '候问室一 内有人员（嫌疑人P1），不能移除该房间' });
  });

  it("places a device's refusal at the device", () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.readers[2] = { ...draft.readers[2]!, room: 'NOPE' };
    expect(dryRun(s.station.state, plan(draft).commands, moment)).toMatchObject({ field: 'readers.2.room' });
  });

  it('registers new officers, refusing a wristband in use at that officer', () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.officers.push({ id: 'O9', name: '孙警官', gender: 'female', tag: 'T-P1' });
    const p = plan(draft);
    expect(p.commands.map((c) => c.command)).toEqual([{ type: 'officer.register', officer: { id: 'O9', name: '孙警官', gender: 'female', tag: 'T-P1' } }]);
    expect(dryRun(s.station.state, p.commands, moment)).toEqual({ field: 'officers.3.tag', message: '腕带 T-P1 已绑定他人' });
    draft.officers[1] = { ...draft.officers[1]!, name: '李某' };
    expect(planSetup(s.station.state, DEVICES, draft)).toEqual({ ok: false, problem: { field: 'officers.1', message: '民警 李警官（O2）已登记，不能修改' } });
  });

  it('changes only the settings that changed', () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.settings = { ...draft.settings, recordingGraceSeconds: 20 };
    const p = plan(draft);
    expect(p.commands.map((c) => c.command)).toEqual([{ type: 'area.settings', settings: { recordingGraceSeconds: 20 } }]);
    expect(describeChange(s.station.state, draft, p, DEVICES, new Set()).effects).toEqual(['未录像告警宽限：10 → 20 秒']);
  });

  it('restarts only the devices whose connection changed; a changed stream must be tested; credentials leave the URL', () => {
    const draft = currentDraft(s.station.state, DEVICES);
    draft.readers = draft.readers.map((r) => (r.id === 'RD-W2' ? { ...r, connection: { transport: 'tcp://10.0.0.50:4001', protocol: 'chafon' } } : r));
    draft.cameras = draft.cameras.map((c) => (c.id === 'CAM-INQ1' ? { ...c, connection: { rtsp: 'rtsp://op:p%40ss@10.0.0.22:554/live', onvif: null, user: null, profile: null } } : c));
    const p = plan(draft);
    expect(p.commands).toEqual([]);
    expect(p.changed).toEqual({ readers: ['RD-W2'], cameras: ['CAM-INQ1'], deskReader: false, idCardReader: false });
    expect(p.connections.cameras['CAM-INQ1']).toEqual({ rtsp: 'rtsp://10.0.0.22:554/live', onvif: null, user: 'op', pass: 'p@ss', profile: null });
    expect(p.untested.map((u) => [u.index, u.id])).toEqual([[1, 'CAM-INQ1']]);
    const report = describeChange(s.station.state, draft, p, DEVICES, new Set(['CAM-INT1']));
    expect(report.restarts).toEqual(['读卡器 RD-W2：开始读卡', '摄像机 CAM-INQ1：开始录像']);
    // A new password typed for a kept camera is a change of what the recorder is given.
    const again = currentDraft(s.station.state, DEVICES);
    again.cameras[0] = { ...again.cameras[0]!, connection: { ...again.cameras[0]!.connection!, pass: 'Secret-2' } };
    expect(plan(again).changed.cameras).toEqual(['CAM-INT1']);
    expect(describeChange(s.station.state, again, plan(again), DEVICES, new Set(['CAM-INT1'])).restarts).toEqual(['摄像机 CAM-INT1：录像重新开始（中断数秒）']);
  });

  it('on the first run, configures the area with the settings that differ from the defaults', () => {
    const draft = currentDraft(emptyState(), NO_DEVICES);
    draft.area = { id: 'A9', name: '城西办案区' };
    draft.rooms = [{ id: 'R1', name: '讯问室', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: false }];
    draft.officers = [{ id: 'E1', name: '周警官', gender: 'male', tag: null }];
    draft.settings = { ...draft.settings, maxStayHours: 12 };
    const r = planSetup(emptyState(), NO_DEVICES, draft);
    expect(r.ok && r.plan.commands.map((c) => c.command)).toEqual([{
      type: 'area.configure', area: { id: 'A9', name: '城西办案区' }, rooms: [{ id: 'R1', name: '讯问室', kind: 'interrogation', guardRequired: false }],
      readers: [], cameras: [], officers: [{ id: 'E1', name: '周警官', gender: 'male' }], settings: { maxStayHours: 12 },
    }]);
  });
});
