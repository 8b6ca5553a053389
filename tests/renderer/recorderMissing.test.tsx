// @vitest-environment jsdom
// A station whose recording programs are missing says so on each camera it should record
// (录像程序缺失), on the room, and in the unrecorded-interrogation alarm that still rises.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ALARM_LABELS } from '../../common/alarms.js';
import { T } from '../../common/deskText.js';
import { RECORDING_LABELS } from '../../common/messages.js';
import type { RoomView } from '../../common/views.js';
import { DevicesPanel } from '../../renderer/src/screens/dashboard/DevicesPanel.js';
import { AlarmBar } from '../../renderer/src/widgets/AlarmBar.js';
import { alarmFixture, FakeBridge, NOW, overviewFixture } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const ROOM: RoomView = {
  id: 'INT1', name: '讯问室一', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true, persons: [], officers: [],
  recording: 'no_recorder', readers: [], sessions: [],
  cameras: [{ id: 'CAM-INT1', room: 'INT1', online: true, recording: false, statusAt: NOW - 5000, lastSegmentAt: null, reason: 'cannot run ffmpeg: spawn ffmpeg ENOENT', recorderMissing: true }],
};

describe('a missing recorder', () => {
  it('shows on the camera and the room of the dashboard', () => {
    renderStation(<DevicesPanel rooms={[ROOM]} persons={[]} timeZone="Asia/Shanghai" />, new FakeBridge());
    const camera = document.querySelector<HTMLElement>('[data-camera=CAM-INT1]');
    expect(camera?.dataset.cameraState).toBe('no_recorder');
    expect(camera?.textContent).toContain('录像程序缺失');
    expect(document.querySelector<HTMLElement>('[data-recording]')?.textContent).toBe(RECORDING_LABELS.no_recorder);
  });

  it('is given as the reason of the unrecorded-interrogation alarm', async () => {
    const alarm = alarmFixture({ rule: 'unrecorded_interrogation', subject: 'room:INT1', room: 'INT1' });
    renderStation(<AlarmBar />, new FakeBridge({ overview: () => overviewFixture({ rooms: [ROOM], alarms: [alarm] }) }));
    const line = (await screen.findByText(ALARM_LABELS.unrecorded_interrogation)).closest<HTMLElement>('[data-alarm-id]');
    expect(line?.querySelector('.alarm-cause')?.textContent).toBe(' · 录像程序缺失');
    expect(line?.textContent).not.toContain(T.camera.states.recording);
  });
});
