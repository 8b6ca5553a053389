// The installer tool: argument errors exit 2 naming the problem; probe prints one JSON object.
// (record and snapshot run against the RTSP server in recorder.rtsp.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { HIKVISION } from '../support/onvifPersonas.js';
import { OnvifTestServer } from '../support/onvifServer.js';
import { runCli } from '../support/cli.js';

let server: OnvifTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('npm run camera', () => {
  it('rejects bad arguments with exit 2 and a message naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['film'], /unknown command 'film'/],
      [['probe'], /--onvif is required/],
      [['probe', '--onvif', 'rtsp://cam/1'], /--onvif must be a http:\/\/ or https:\/\/ URL/],
      [['probe', '--onvif', 'http://cam', '--user', 'admin'], /--user and --pass go together/],
      [['probe', '--onvif', 'http://cam', '--timeout-ms', 'soon'], /--timeout-ms must be a positive number, got 'soon'/],
      [['record', '--rtsp', 'rtsp://cam/1'], /--out is required/],
      [['record', '--rtsp', 'not a url', '--out', '/tmp/x'], /--rtsp is not a URL/],
      [['record', '--rtsp', 'rtsp://cam/1', '--out', '/tmp/x', '--segment-seconds', '0'], /--segment-seconds must be a positive number, got '0'/],
      [['record', '--rtsp', 'rtsp://cam/1', '--out', '/tmp/x', '--fps', '5'], /unknown option --fps/],
      [['record', '--rtsp', 'rtsp://u:secret@cam/1', '--out', '/etc/hostname'], /--out is not a directory/],
    ];
    // Three at a time: the two cores are shared with the timing-sensitive RTSP tests.
    const results = [];
    for (let i = 0; i < cases.length; i += 3) results.push(...await Promise.all(cases.slice(i, i + 3).map(([args]) => runCli(args))));
    results.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('secret');
      expect(r.stdout).toBe('');
    });
  }, 60_000);

  it('probe prints one JSON object with device, profiles and URIs', async () => {
    server = await OnvifTestServer.start({ persona: HIKVISION, auth: { mode: 'wsse', user: 'admin', pass: 'pw' } });
    const r = await runCli(['probe', '--onvif', server.url, '--user', 'admin', '--pass', 'pw']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(out).toMatchObject({
      device: { manufacturer: 'HIKVISION', model: 'DS-2CD2012-I' },
      profiles: [{ token: 'Profile_1', streamUri: expect.stringMatching(/^rtsp:\/\//) as unknown, snapshotUri: expect.stringMatching(/^http:\/\//) as unknown }, { token: 'Profile_2' }],
      recordingJobs: null,
    });
  }, 20_000);

  it('probe with the wrong password exits 1 saying so', async () => {
    server = await OnvifTestServer.start({ persona: HIKVISION, auth: { mode: 'wsse', user: 'admin', pass: 'pw' } });
    const r = await runCli(['probe', '--onvif', server.url, '--user', 'admin', '--pass', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^camera probe: GetDeviceInformation: the camera refused the user name or password/);
    expect(r.stdout).toBe('');
  }, 20_000);
});
