// The relay between the station's ffmpeg and a camera that asks for a password: the real RTSP
// server with Digest and with Basic, a wrong password, a camera that is not there, a token that
// opens nothing; and the Digest answer against RFC 2617's worked example.
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authorizer, pickChallenge } from '../../hardware/camera/rtspAuth.js';
import { RtspRelay, splitCredentials } from '../../hardware/camera/rtspRelay.js';
import { grabFrame } from '../../hardware/camera/snapshot.js';
import { RtspTestServer } from '../support/rtspServer.js';

const PASS = 'Zh7!kq';

describe('Digest and Basic answers', () => {
  it('answers RFC 2617 section 3.5 as the RFC does', () => {
    const challenge = pickChallenge([
      'Basic realm="x"',
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    ]);
    expect(challenge).toMatchObject({ scheme: 'digest', qop: 'auth', algorithm: 'MD5' });
    const auth = new Authorizer(challenge!, { user: 'Mufasa', pass: 'Circle Of Life' }, () => '0a4f113b');
    const h = auth.header('GET', '/dir/index.html');
    expect(h).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(h).toContain('nc=00000001');
    expect(h).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(auth.header('GET', '/dir/index.html')).toContain('nc=00000002');
  });

  it('answers Basic when that is all the camera offers', () => {
    const auth = new Authorizer(pickChallenge(['Basic realm="IPCam"'])!, { user: 'admin', pass: 'a:b' });
    expect(auth.header('DESCRIBE', 'rtsp://x/')).toBe(`Basic ${Buffer.from('admin:a:b').toString('base64')}`);
    expect(pickChallenge(['Bearer realm="x"'])).toBeNull();
  });

  it('takes credentials out of a URL that carries them', () => {
    const { url, creds } = splitCredentials({ url: 'rtsp://admin:p%40ss@10.0.0.21:554/Streaming/Channels/101' });
    expect(url.toString()).toBe('rtsp://10.0.0.21:554/Streaming/Channels/101');
    expect(creds).toEqual({ user: 'admin', pass: 'p@ss' });
    expect(splitCredentials({ url: 'rtsp://10.0.0.21/x', user: 'u', pass: 'p' }).creds).toEqual({ user: 'u', pass: 'p' });
    expect(() => splitCredentials({ url: 'http://10.0.0.21/x' })).toThrow(/rtsp/);
  });
});

describe.each(['digest', 'basic'] as const)('relay to a camera asking %s', (method) => {
  let camera: RtspTestServer;
  let relay: RtspRelay;
  beforeAll(async () => {
    [camera, relay] = await Promise.all([RtspTestServer.start(0, { user: 'admin', pass: PASS, method }), RtspRelay.start()]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([camera.stop(), relay.close()]);
  });

  it('lets ffmpeg take a picture with no password in its URL', async () => {
    const route = relay.open({ url: camera.url(), user: 'admin', pass: PASS });
    expect(route.url).not.toContain(PASS);
    expect(route.url).toMatch(/^rtsp:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/cam$/);
    const jpeg = await grabFrame(route.url, { timeoutMs: 15_000 });
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(route.state()).toEqual({ auth: 'accepted', problem: null });
    route.close();
  }, 30_000);

  it('says when the camera refuses the password', async () => {
    const route = relay.open({ url: camera.url(), user: 'admin', pass: 'wrong' });
    await expect(grabFrame(route.url, { timeoutMs: 15_000 })).rejects.toThrow(/401/);
    expect(route.state()).toEqual({ auth: 'refused', problem: null });
    route.close();
  }, 30_000);
});

describe('relay failures', () => {
  let relay: RtspRelay;
  beforeAll(async () => { relay = await RtspRelay.start(); });
  afterAll(async () => { await relay.close(); });

  it('says that a camera cannot be reached', async () => {
    // A port nothing listens on: take a free one and let it go.
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const addr = s.address();
        s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 1));
      });
    });
    const route = relay.open({ url: `rtsp://127.0.0.1:${free}/cam`, user: 'admin', pass: PASS });
    await expect(grabFrame(route.url, { timeoutMs: 10_000 })).rejects.toThrow();
    expect(route.state().problem).toMatch(/ECONNREFUSED/);
    route.close();
  }, 20_000);

  it('turns away a token it did not give', async () => {
    const answer = await new Promise<string>((resolve) => {
      const s = connect({ port: relay.port, host: '127.0.0.1' }, () => {
        s.write(`OPTIONS rtsp://127.0.0.1:${relay.port}/${'0'.repeat(32)}/cam RTSP/1.0\r\nCSeq: 7\r\n\r\n`);
      });
      let text = '';
      s.setEncoding('latin1').on('data', (d: string) => { text += d; }).on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^RTSP\/1\.0 404 Not Found\r\nCSeq: 7\r\n/);
  });
});
