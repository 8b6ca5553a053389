// @vitest-environment jsdom
// Each camera of a room: recording / not recording / offline / not reported, the last segment,
// the recorder's reason as a tooltip, and its picture on demand — or, when the station answers
// 409, a plain statement that the camera has no stream to show.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../common/api.js';
import { T } from '../../common/deskText.js';
import type { CameraView, RoomView } from '../../common/views.js';
import { RoomDevices } from '../../renderer/src/screens/room/RoomDevices.js';
import { FakeBridge, NOW } from './fakeBridge.js';
import { renderStation } from './renderStation.js';

afterEach(cleanup);

const cam = (id: string, patch: Partial<CameraView>): CameraView => ({ id, room: 'INT1', online: true, recording: true, statusAt: NOW - 60_000, lastSegmentAt: NOW - 30_000, ...patch });

const ROOM: RoomView = {
  id: 'INT1', name: '讯问室一', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true, persons: [], officers: [],
  recording: 'offline', readers: [], sessions: [],
  cameras: [
    cam('CAM-A', {}),
    cam('CAM-B', { recording: false, reason: 'no segment closed for 130 s' }),
    cam('CAM-C', { online: false, recording: false, reason: 'connection refused' }),
    cam('CAM-D', { online: null, recording: null, statusAt: null, lastSegmentAt: null }),
  ],
};

const line = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-camera=${id}]`);
  if (!el) throw new Error(`no camera ${id}`);
  return el;
};

describe('cameras of a room', () => {
  it('shows each camera\'s state with the last segment, and the recorder\'s reason as a tooltip', () => {
    renderStation(<RoomDevices room={ROOM} />, new FakeBridge());
    expect(['CAM-A', 'CAM-B', 'CAM-C', 'CAM-D'].map((id) => line(id).dataset.cameraState)).toEqual(['recording', 'not_recording', 'offline', 'unreported']);
    expect(line('CAM-A').textContent).toContain(T.camera.states.recording);
    expect(line('CAM-A').textContent).toContain(T.camera.lastSegment('2026-03-02 09:59'));
    expect(line('CAM-B').title).toBe(`${T.camera.states.not_recording} · ${T.camera.reason('no segment closed for 130 s')}`);
    expect(line('CAM-C').textContent).toContain(T.camera.states.offline);
    expect(line('CAM-D').textContent).toContain(T.camera.noSegment);
  });

  it('shows what the camera sees on demand', async () => {
    const bridge = new FakeBridge({ snapshot: ({ camera }) => ({ camera, at: NOW, dataUrl: 'data:image/jpeg;base64,/9j/4AAQ' }) });
    renderStation(<RoomDevices room={ROOM} />, bridge);
    fireEvent.click(within(line('CAM-A')).getByRole('button', { name: T.camera.viewOf('CAM-A') }));
    const dialog = await screen.findByRole('dialog', { name: T.camera.title('CAM-A') });
    const img = await within(dialog).findByRole('img', { name: T.camera.alt('CAM-A') });
    expect(img.getAttribute('src')).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(bridge.calls.find((c) => c.method === 'snapshot')?.arg).toEqual({ camera: 'CAM-A' });
  });

  it('says plainly that a camera without a stream has no picture (409)', async () => {
    const bridge = new FakeBridge({ snapshot: () => { throw new ApiCallError(409, 'SNAPSHOT_FAILED', '无法获取 CAM-D 的画面：摄像机 CAM-D 未配置视频流地址'); } });
    renderStation(<RoomDevices room={ROOM} />, bridge);
    fireEvent.click(within(line('CAM-D')).getByRole('button', { name: T.camera.viewOf('CAM-D') }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(T.camera.noStream('CAM-D'))).toBeTruthy();
    expect(within(dialog).getByText(T.camera.stationSaid('无法获取 CAM-D 的画面：摄像机 CAM-D 未配置视频流地址'))).toBeTruthy();
    expect(within(dialog).queryByRole('img')).toBeNull();
  });
});
