// A camera for the end-to-end tests as a station meets one on the LAN: it answers WS-Discovery,
// its ONVIF service (the captured Hikvision answers) asks for its account and hands out the
// stream of the real RTSP test server, which asks for the same account by HTTP Digest.
import { createSocket, type Socket } from 'node:dgram';
import { fixture, OnvifTestServer } from '../support/onvifServer.js';
import { HIKVISION } from '../support/onvifPersonas.js';
import { RtspTestServer } from '../support/rtspServer.js';

export interface CameraRig {
  readonly user: string;
  readonly pass: string;
  readonly onvifUrl: string;
  readonly rtspUrl: string;
  readonly name: string;
  stop(): Promise<void>;
}

/** Answers every WS-Discovery probe with one ProbeMatch naming the ONVIF service. */
function discoveryResponder(onvifUrl: string): Promise<Socket> {
  const answer = fixture('hikvision-ProbeMatches.xml').replace(/<d:XAddrs>[^<]*<\/d:XAddrs>/, `<d:XAddrs>${onvifUrl}/onvif/device_service</d:XAddrs>`);
  return new Promise((resolve, reject) => {
    const s = createSocket({ type: 'udp4', reuseAddr: true });
    s.on('error', reject);
    s.on('message', (_msg, rinfo) => s.send(Buffer.from(answer), rinfo.port, rinfo.address));
    s.bind(3702, () => {
      s.addMembership('239.255.255.250');
      resolve(s);
    });
  });
}

export async function startCameraRig(user = 'admin', pass = 'Cam-2026!x'): Promise<CameraRig> {
  const rtsp = await RtspTestServer.start(0, { user, pass, method: 'digest' });
  const streamUri = fixture('hikvision-DS-2CD2012-I-GetStreamUriResponse.xml').replace(/<tt:Uri>[^<]*<\/tt:Uri>/, `<tt:Uri>${rtsp.url('cam')}</tt:Uri>`);
  const onvif = await OnvifTestServer.start({
    persona: HIKVISION, auth: { mode: 'wsse', user, pass },
    override: { GetStreamUri: { status: 200, body: streamUri, contentType: 'application/soap+xml; charset=utf-8' } },
  });
  const responder = await discoveryResponder(onvif.url);
  return {
    user, pass, onvifUrl: `${onvif.url}/onvif/device_service`, rtspUrl: rtsp.url('cam'), name: 'HIKVISION DS-2CD2145FWD-I',
    async stop() {
      responder.close();
      await Promise.all([onvif.close(), rtsp.stop()]);
    },
  };
}
