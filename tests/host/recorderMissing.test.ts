// A station whose recorder is missing starts anyway, says why (a start-up warning and station.log),
// shows 录像程序缺失 on each camera it should record and on the room, and still raises
// 讯（询）问未录音录像 when an interrogation begins there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../common/events.js';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { overview } from '../../main/api/queries/overview.js';
import { bootStation, type BootedStation } from '../../main/host/boot.js';
import { nextEvent } from '../helpers/stationEvents.js';
import { AREA, scratch, type Scratch } from './bootFixtures.js';

let s: Scratch;
let booted: BootedStation | null = null;
afterEach(async () => {
  await booted?.stop();
  booted = null;
  s.remove();
});

// A camera on a port nobody answers: what matters here is the recorder, not the camera.
const AREA_WITH_STREAM = { ...AREA, cameras: [{ id: 'CAM-INT1', room: 'INT1', rtsp: 'rtsp://127.0.0.1:9/cam' }], settings: { recordingGraceSeconds: 1 } };

async function boot(config: unknown): Promise<BootedStation> {
  booted = await bootStation({
    argv: ['--config', s.config('station.json', config), '--data', s.path('data')], env: {}, defaultDataDir: s.path('data'),
    rendererDir: '/nonexistent-pages', http: 'lan', log: () => undefined,
  });
  return booted;
}

describe('a missing recorder', () => {
  it('is a start-up warning, shows on the camera and the room, and the unrecorded alarm still rises', async () => {
    s = scratch('recorder-missing-');
    const b = await boot({ area: AREA_WITH_STREAM, recording: { ffmpegPath: s.path('no', 'ffmpeg') } });
    expect(b.warnings.map((w) => w.code)).toEqual(['RECORDER_MISSING']);
    const problem = `配置的 recording.ffmpegPath（${s.path('no', 'ffmpeg')}）文件不存在`;
    expect(b.warnings[0]?.message).toBe(STARTUP_TEXT.recorderMissing([problem]));
    expect(readFileSync(join(s.path('data'), 'station.log'), 'utf8')).toContain('WARNING RECORDER_MISSING');

    const view = overview(b.host.db, { now: Date.now(), timeZone: 'Asia/Shanghai', example: false, camera: (id) => b.host.recording?.note(id) ?? null });
    const room = view.rooms.find((r) => r.id === 'INT1');
    expect(room?.recording).toBe('no_recorder');
    expect(room?.cameras[0]).toMatchObject({ id: 'CAM-INT1', recorderMissing: true });

    const submit = (command: Record<string, unknown>): void => {
      const r = b.host.station.submit(command, { actor: 'E101' });
      if (!r.ok) throw new Error(r.rejection.message);
    };
    const raised = nextEvent(b.host.station, (e: RecordedEvent) => e.type === 'alarm.raised' && e.payload.rule === 'unrecorded_interrogation', 10_000, 'unrecorded_interrogation');
    submit({ type: 'person.enter', person: { id: 'P1', name: '张某', gender: 'male', birthDate: '1988-08-08', role: 'witness' } });
    submit({ type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'inquiry', officers: ['E101'] });
    expect((await raised).type).toBe('alarm.raised');
  });

  it('is no warning where nothing is to be recorded', async () => {
    s = scratch('recorder-unneeded-');
    const b = await boot({ area: AREA, recording: { ffmpegPath: s.path('no', 'ffmpeg') } });
    expect(b.warnings).toEqual([]);
  });
});
