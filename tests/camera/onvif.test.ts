// The ONVIF client against a local SOAP server that answers with real cameras' captured replies,
// checks credentials as cameras do, and can answer with faults, broken XML or nothing at all.
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CameraError, type CameraErrorKind } from '../../hardware/camera/cameraError.js';
import { OnvifCameraControl, type OnvifTarget } from '../../hardware/camera/onvifControl.js';
import { AXIS_PROFILE_G, AXIS_Q6045, DAHUA, HIKVISION, MILESIGHT, PELCO, SUNBA, TRENDNET, type Persona } from '../support/onvifPersonas.js';
import { fixture, FIXTURES, OnvifTestServer, type OnvifServerOptions } from '../support/onvifServer.js';

const USER = 'admin';
const PASS = 'Pa55-word';
let server: OnvifTestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function camera(o: OnvifServerOptions, target: Partial<OnvifTarget> = {}): Promise<OnvifCameraControl> {
  server = await OnvifTestServer.start(o);
  return new OnvifCameraControl({ url: server.url, user: USER, pass: PASS, timeoutMs: 2000, ...target });
}

async function failure(p: Promise<unknown>): Promise<CameraError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CameraError);
  return err as CameraError;
}

function expectKind(err: CameraError, kind: CameraErrorKind, message: RegExp): void {
  expect(err.kind).toBe(kind);
  expect(err.message).toMatch(message);
}

/** The camera clock in a GetSystemDateAndTime capture. */
function capturedClock(file: string): number {
  const n = (name: string) => Number(new RegExp(`<(?:\\w+:)?${name}>\\s*(\\d+)\\s*<`).exec(fixture(file).split(/UTCDateTime/)[1] ?? '')?.[1]);
  return Date.UTC(n('Year'), n('Month') - 1, n('Day'), n('Hour'), n('Minute'), n('Second'));
}

describe('probe against captured cameras', () => {
  const rows: [Persona, { manufacturer: string; model: string; token: string; stream: RegExp; audio: string | null; warnings: number }][] = [
    [HIKVISION, { manufacturer: 'HIKVISION', model: 'DS-2CD2012-I', token: 'Profile_1', stream: /^rtsp:\/\/10\.10\.1\.65:554\/Streaming\/Channels\//, audio: null, warnings: 0 }],
    [AXIS_Q6045, { manufacturer: 'AXIS', model: 'AXIS Q6045-E', token: 'profile_1_h264', stream: /^rtsp:\/\/192\.168\.0\.19\/onvif-media\/media\.amp\?profile=/, audio: null, warnings: 0 }],
    [PELCO, { manufacturer: 'Pelco', model: 'D6230L', token: '0', stream: /^rtsp:\/\/10\.10\.1\.66\//, audio: null, warnings: 0 }],
    [TRENDNET, { manufacturer: 'TRENDnet', model: 'TV-IP320PI', token: 'Profile_1', stream: /^rtsp:\/\/10\.10\.1\.67:554\//, audio: null, warnings: 0 }],
    [SUNBA, { manufacturer: 'SUNBA', model: 'Performance-Series', token: 'media_profile1', stream: /^rtsp:\/\/162\.191\.54\.181\/media\/video1$/, audio: 'G711', warnings: 0 }],
    [AXIS_PROFILE_G, { manufacturer: 'AXIS', model: 'M2025-LE', token: 'profile_1_h264', stream: /^rtsp:\/\/192\.168\.0\.209\//, audio: null, warnings: 0 }],
  ];
  for (const [persona, want] of rows) {
    it(persona.name, async () => {
      const cam = await camera({ persona, auth: { mode: 'wsse', user: USER, pass: PASS } });
      const r = await cam.probe();
      expect(r.device).toMatchObject({ manufacturer: want.manufacturer, model: want.model });
      expect(r.profiles[0]).toMatchObject({ token: want.token, video: { encoding: 'H264' } });
      expect(r.profiles[0]?.audio?.encoding ?? null).toBe(want.audio);
      expect(r.profiles[0]?.streamUri).toMatch(want.stream);
      expect(r.profiles[0]?.snapshotUri).toMatch(/^http:\/\//);
      expect(r.warnings).toHaveLength(want.warnings);
      expect(r.services.media).toBe(true);
      // Requests past the pre-authentication ones carried a WS-UsernameToken the server accepted.
      const authed = server!.requests.filter((q) => q.key === 'GetDeviceInformation' || q.key === 'GetProfiles');
      expect(authed.length).toBe(2);
      for (const q of authed) expect(q).toMatchObject({ wsse: true, authorized: true });
      const clockFile = persona.answers.GetSystemDateAndTime ?? '';
      expect(Math.abs((r.clockOffsetMs ?? Number.NaN) - (capturedClock(clockFile) - Date.now()))).toBeLessThan(3000);
    });
  }

  it('falls back to GetCapabilities when GetServices is refused (Axis Q6045-E)', async () => {
    const cam = await camera({ persona: AXIS_Q6045 });
    await cam.profiles();
    expect(server!.keys().slice(0, 3)).toEqual(['GetSystemDateAndTime', 'GetServices', 'GetCapabilities']);
  });

  it('asks Media2 for a URI the camera does not give over Media1 (SUNBA)', async () => {
    const cam = await camera({ persona: SUNBA });
    expect(await cam.streamUri('media_profile2')).toBe('rtsp://162.191.54.181/media/video1');
    expect(server!.keys().slice(-2)).toEqual(['GetStreamUri', 'media2:GetStreamUri']);
  });

  it('reports what a partial camera cannot answer as warnings (Dahua: no clock, no device information)', async () => {
    const cam = await camera({ persona: DAHUA });
    const r = await cam.probe();
    expect(r.device).toBeNull();
    expect(r.clockOffsetMs).toBeNull();
    expect(r.profiles.map((p) => p.token)).toEqual(['MediaProfile00000', 'MediaProfile00001']);
    expect(r.warnings.join('\n')).toMatch(/GetSystemDateAndTime: not supported by the camera \(.*ter:ActionNotSupported/);
    expect(r.warnings.join('\n')).toMatch(/GetDeviceInformation: not supported/);
    await expect(cam.clockOffsetMs()).rejects.toMatchObject({ kind: 'unsupported' });
  });

  it('fails clearly for a camera that cannot name its services (Milesight capture)', async () => {
    const cam = await camera({ persona: MILESIGHT });
    expectKind(await failure(cam.probe()), 'unsupported', /^GetCapabilities: not supported by the camera/);
  });
});

describe('credentials', () => {
  it('WS-UsernameToken with the wrong password: an auth error naming ter:NotAuthorized', async () => {
    const cam = await camera({ persona: HIKVISION, auth: { mode: 'wsse', user: USER, pass: 'other' } });
    const err = await failure(cam.probe());
    expectKind(err, 'auth', /^GetDeviceInformation: the camera refused the user name or password \(.*ter:NotAuthorized/);
    expect(err.fault?.subcodes).toContain('ter:NotAuthorized');
  });

  it('HTTP digest: answers the challenge with the right password', async () => {
    const cam = await camera({ persona: TRENDNET, auth: { mode: 'digest', user: USER, pass: PASS } }, { useWsSecurity: false });
    expect((await cam.deviceInformation()).model).toBe('TV-IP320PI');
    const info = server!.requests.filter((q) => q.key === 'GetDeviceInformation');
    // First without, then with the Authorization header.
    expect(info.map((q) => [q.digest, q.authorized])).toEqual([[false, false], [true, true]]);
  });

  it('HTTP digest with the wrong password: an auth error', async () => {
    const cam = await camera({ persona: TRENDNET, auth: { mode: 'digest', user: USER, pass: 'other' } }, { useWsSecurity: false });
    expectKind(await failure(cam.deviceInformation()), 'auth', /refused the user name or password \(HTTP digest/);
  });
});

describe('answers that are not what was asked for', () => {
  it('a SOAP fault is an error naming its subcodes', async () => {
    const cam = await camera({ persona: HIKVISION, override: { GetProfiles: { status: 500, body: fixture('unknown-Fault-NoProfile.xml') } } });
    const err = await failure(cam.probe());
    expectKind(err, 'fault', /^GetProfiles: SOAP fault .*ter:InvalidArgVal\/ter:NoProfile: Argument Value Invalid/);
  });

  it('a fault on an optional part leaves the probe standing', async () => {
    const cam = await camera({ persona: HIKVISION, override: { GetSnapshotUri: { status: 500, body: fixture('oem-IPG-8150PSS-Fault.xml') } } });
    const r = await cam.probe();
    expect(r.profiles[0]?.snapshotUri).toBeNull();
    expect(r.profiles[0]?.streamUri).toMatch(/^rtsp:/);
    expect(r.warnings[0]).toMatch(/^GetSnapshotUri: not supported/);
  });

  const broken: [string, { status: number; body: string; contentType?: string }, RegExp][] = [
    ['truncated XML', { status: 200, body: fixture('hikvision-DS-2CD2012-I-GetProfilesResponse.xml').slice(0, 2500) }, /answer beginning "<\?xml/],
    ['an HTML page', { status: 200, body: '<html><body><h1>Welcome</h1></body></html>', contentType: 'text/html' }, /answer beginning "<html>/],
    ['an empty answer', { status: 200, body: '' }, /an empty answer/],
    ['plain text', { status: 200, body: 'OK', contentType: 'text/plain' }, /answer beginning "OK"/],
    ['the answer to another request', { status: 200, body: fixture('hikvision-DS-2CD2012-I-GetDeviceInformationResponse.xml') }, /^GetProfiles: .*without the expected content/],
  ];
  for (const [name, reply, message] of broken) {
    it(`${name} is a malformed-answer error`, async () => {
      const cam = await camera({ persona: HIKVISION, override: { GetProfiles: reply } });
      expectKind(await failure(cam.profiles()), 'malformed', message);
    });
  }

  it('an answer using an undeclared namespace prefix is still read (the package drops namespaces)', async () => {
    const cam = await camera({ persona: HIKVISION, override: { GetSnapshotUri: { status: 200, body: fixture('mockup-GetSnapshotUriResponse-malformed.xml') } } });
    expect(await cam.snapshotUri('Profile_1')).toBe('http://192.168.68.111/onvif-cgi/jpg/image.cgi?resolution=800x600&compression=20&camera=1');
  });
});

describe('cameras that do not answer', () => {
  it('a camera that accepts the connection and never answers: a timeout within the limit', async () => {
    const cam = await camera({ persona: HIKVISION, override: { '*': 'hang' } }, { timeoutMs: 800 });
    const started = Date.now();
    expectKind(await failure(cam.probe()), 'timeout', /^GetSystemDateAndTime: no answer within 800 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a hang in the middle of a probe: a timeout naming that request', async () => {
    const cam = await camera({ persona: PELCO, override: { GetProfiles: 'hang' } }, { timeoutMs: 800 });
    expectKind(await failure(cam.probe()), 'timeout', /^GetProfiles: no answer/);
  });

  it('nothing listening: unreachable', async () => {
    server = await OnvifTestServer.start({ persona: HIKVISION });
    const url = server.url;
    await server.close();
    server = null;
    const cam = new OnvifCameraControl({ url, timeoutMs: 2000 });
    expectKind(await failure(cam.probe()), 'unreachable', /ECONNREFUSED/);
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => new OnvifCameraControl({ url: 'rtsp://cam/x' })).toThrow(/http/);
    expect(() => new OnvifCameraControl({ url: 'camera one' })).toThrow(/not an ONVIF address/);
  });
});

describe('Profile G recording jobs', () => {
  it('lists the jobs of a camera that records itself', async () => {
    const cam = await camera({ persona: AXIS_PROFILE_G });
    expect(await cam.recordingJobs()).toEqual([{
      token: 'SD_DISK_20241120_211729_9C896594', recordingToken: 'SD_DISK_20241120_211729_9C896594',
      mode: 'Active', priority: 9, sourceTokens: ['profile_1_h264'],
    }]);
  });

  it('null for a camera without a recording service, and for one that does not implement it', async () => {
    expect(await (await camera({ persona: HIKVISION })).recordingJobs()).toBeNull();
    await server?.close();
    const pelco = await camera({ persona: PELCO });
    expect(await pelco.recordingJobs()).toBeNull();
    expect(server!.keys()).toContain('GetRecordingJobs');
  });
});

describe('every captured answer of its kind reads', () => {
  const files = readdirSync(FIXTURES);
  const of = (re: RegExp) => files.filter((f) => re.test(f)).sort();

  for (const f of of(/GetProfilesResponse/)) {
    it(`profiles: ${f}`, async () => {
      const cam = await camera({ persona: HIKVISION, override: { GetProfiles: { status: 200, body: fixture(f) } } });
      const profiles = await cam.profiles();
      expect(profiles.length).toBeGreaterThan(0);
      for (const p of profiles) expect(p.token).toMatch(/\S/);
      expect(profiles.some((p) => p.video !== null)).toBe(true);
    });
  }

  it('a profile whose encoder names no encoding is still a video profile (Dahua NVR capture)', async () => {
    const cam = await camera({ persona: HIKVISION, override: { GetProfiles: { status: 200, body: fixture('dahua-nvr-GetProfilesResponse-incomplete-encoder.xml') } } });
    const [first] = await cam.profiles();
    expect(first).toMatchObject({ token: 'MediaProfile00000', video: { encoding: null, width: null }, audio: { encoding: 'G711', sampleRateKHz: 8, bitrateKbps: 32 } });
  });

  for (const f of of(/GetDeviceInformationResponse/)) {
    it(`device information: ${f}`, async () => {
      const cam = await camera({ persona: HIKVISION, override: { GetDeviceInformation: { status: 200, body: fixture(f) } } });
      const info = await cam.deviceInformation();
      expect(info.model).toMatch(/\S/);
    });
  }

  for (const f of of(/Get(Stream|Snapshot)UriResponse/)) {
    it(`URI: ${f}`, async () => {
      const action = /Stream/.test(f) ? 'GetStreamUri' : 'GetSnapshotUri';
      const cam = await camera({ persona: HIKVISION, override: { [action]: { status: 200, body: fixture(f) } } });
      const uri = action === 'GetStreamUri' ? await cam.streamUri('Profile_1') : await cam.snapshotUri('Profile_1');
      expect(uri).toMatch(action === 'GetStreamUri' ? /^rtsp:\/\// : /^https?:\/\//);
    });
  }

  for (const f of of(/Fault/)) {
    it(`fault: ${f}`, async () => {
      const cam = await camera({ persona: HIKVISION, override: { GetProfiles: { status: 500, body: fixture(f) } } });
      const err = await failure(cam.profiles());
      expect(['fault', 'unsupported', 'auth']).toContain(err.kind);
      expect(err.message).toMatch(/^GetProfiles: /);
    });
  }
});
