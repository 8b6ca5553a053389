// The settings file in the data folder: a configuration file imported into it (station settings,
// and each device's connection taken off its area entry, credentials out of stream URLs), written
// whole and readable by the station's user only; a station.json still in the configuration format
// is read as the import it is.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftOfFile, areaOfDraft } from '../../common/setupFile.js';
import { parseConfig } from '../../main/host/config.js';
import {
  devicesOf, readSettingsFile, restrictSettingsFile, settingsOfConfig, withDevices, writeSettingsFile,
} from '../../main/host/settingsFile.js';

const CONFIG = {
  timeZone: 'Asia/Shanghai',
  area: {
    area: { id: 'A1', name: '城东办案区' },
    rooms: [{ id: 'W1', name: '候问室', kind: 'waiting', capacity: 2 }, { id: 'I1', name: '讯问室', kind: 'interrogation', guardRequired: false }],
    readers: [
      { id: 'RD-W1', room: 'W1', role: 'room', transport: '/dev/serial/by-id/usb-1a86-if00', protocol: 'r2000', baud: 115200 },
      { id: 'RD-X', room: null, role: 'exit' },
    ],
    cameras: [
      { id: 'CAM-I1', room: 'I1', rtsp: 'rtsp://admin:S3cret%21@10.0.0.21:554/Streaming/Channels/101', onvif: { url: 'http://10.0.0.21/onvif/device_service', user: 'admin', pass: 'S3cret!' } },
      { id: 'CAM-W1', room: 'W1' },
    ],
    officers: [{ id: 'E1', name: '王警官', gender: 'male', tag: 'T1' }],
    settings: { recordingGraceSeconds: 15 },
  },
  server: { port: 8700, lan: false },
  deskReader: { transport: 'tcp://10.0.0.9:4001', protocol: 'chafon' },
};

let dir = '';
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'settings-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings file', () => {
  it('takes the station settings and the connections of an imported configuration, and no area', () => {
    const settings = settingsOfConfig(parseConfig(CONFIG, 'test'));
    expect(settings).not.toHaveProperty('area');
    expect(settings.server.port).toBe(8700);
    expect(devicesOf(settings)).toEqual({
      readers: { 'RD-W1': { transport: '/dev/serial/by-id/usb-1a86-if00', protocol: 'r2000', baud: 115200 } },
      cameras: { 'CAM-I1': { rtsp: 'rtsp://10.0.0.21:554/Streaming/Channels/101', onvif: 'http://10.0.0.21/onvif/device_service', user: 'admin', pass: 'S3cret!', profile: null } },
      deskReader: { transport: 'tcp://10.0.0.9:4001', protocol: 'chafon' },
      idCardReader: null,
    });
  });

  it('is written whole, 0600, and read back as written', () => {
    const path = join(dir, 'station.json');
    const settings = settingsOfConfig(parseConfig(CONFIG, 'test'));
    writeSettingsFile(path, settings);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readSettingsFile(path)).toEqual({ settings, legacy: null });
    const changed = withDevices(settings, { ...devicesOf(settings), deskReader: null });
    writeSettingsFile(path, changed);
    expect(readSettingsFile(path)?.settings).not.toHaveProperty('deskReader');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads a station.json still in the configuration format as an import', () => {
    const path = join(dir, 'station.json');
    writeFileSync(path, JSON.stringify(CONFIG));
    chmodSync(path, 0o644);
    const r = readSettingsFile(path);
    expect(r?.legacy?.area).toEqual(CONFIG.area);
    expect(devicesOf(r!.settings).cameras['CAM-I1']?.pass).toBe('S3cret!');
    restrictSettingsFile(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('says where a broken file is wrong without repeating what it holds', () => {
    const path = join(dir, 'station.json');
    writeFileSync(path, '{"devices": {"cameras": {"C": {"rtsp": "rtsp://x/", "pass": "hunter2"');
    expect(() => readSettingsFile(path)).toThrow(/不是有效的 JSON/);
    try { readSettingsFile(path); } catch (err) { expect((err as Error).message).not.toContain('hunter2'); }
    writeFileSync(path, JSON.stringify({ devices: { cameras: { C: { rtsp: 'http://x/' } } } }));
    expect(() => readSettingsFile(path)).toThrow(/devices\.cameras\.C\.rtsp/);
  });
});

describe('set-up file', () => {
  it('reads a configuration file into the page\'s draft and writes it back the same', () => {
    const draft = draftOfFile(CONFIG);
    expect(draft.rooms[1]).toEqual({ id: 'I1', name: '讯问室', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: false });
    expect(draft.cameras[0]?.connection).toEqual({ rtsp: 'rtsp://10.0.0.21:554/Streaming/Channels/101', onvif: 'http://10.0.0.21/onvif/device_service', user: 'admin', pass: 'S3cret!', profile: null });
    expect(draft.settings.recordingGraceSeconds).toBe(15);
    expect(draft.deskReader).toEqual({ transport: 'tcp://10.0.0.9:4001', protocol: 'chafon' });
    const area = areaOfDraft(draft, {});
    expect(JSON.stringify(area)).not.toContain('S3cret');
    expect(area.cameras).toEqual([
      { id: 'CAM-I1', room: 'I1', rtsp: 'rtsp://10.0.0.21:554/Streaming/Channels/101', onvif: 'http://10.0.0.21/onvif/device_service', user: 'admin' },
      { id: 'CAM-W1', room: 'W1' },
    ]);
    expect(areaOfDraft(draft, { 'CAM-I1': 'S3cret!' }).cameras).toContainEqual(expect.objectContaining({ pass: 'S3cret!' }));
    // Read back, the written file is the same set-up.
    expect(draftOfFile({ area: areaOfDraft(draft, { 'CAM-I1': 'S3cret!' }), deskReader: draft.deskReader })).toEqual(draft);
  });

  it('names the entry a bad connection is on', () => {
    expect(() => draftOfFile({ area: { ...CONFIG.area, readers: [{ id: 'RD-9', room: 'W1', role: 'room', transport: '/dev/x', protocol: 'nfc' }] } })).toThrow(/读卡器 RD-9/);
  });
});
