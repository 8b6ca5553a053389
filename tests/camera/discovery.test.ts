// WS-Discovery over real UDP multicast: a responder joined to 239.255.255.250:3702 answers the
// probe with cameras' captured ProbeMatches (and one answer that is no ProbeMatches at all).
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverCameras, parseProbeMatches } from '../../hardware/camera/discovery.js';
import { fixture } from '../support/onvifServer.js';

const CAPTURES = ['hikvision-ProbeMatches.xml', 'axis-M2025-LE-ProbeMatches.xml', 'amcrest-IP5M-B1186E-ProbeMatches.xml'];
let responder: Socket | null = null;
afterEach(() => {
  responder?.close();
  responder = null;
});

function respond(answers: string[]): Promise<string[]> {
  const probes: string[] = [];
  return new Promise((resolve, reject) => {
    const s = createSocket({ type: 'udp4', reuseAddr: true });
    responder = s;
    s.on('error', reject);
    s.on('message', (msg, rinfo) => {
      probes.push(msg.toString('utf8'));
      for (const a of answers) s.send(Buffer.from(a), rinfo.port, rinfo.address);
    });
    s.bind(3702, () => {
      s.addMembership('239.255.255.250');
      resolve(probes);
    });
  });
}

describe('WS-Discovery', () => {
  it('finds the cameras that answer the multicast probe', async () => {
    const probes = await respond([...CAPTURES.map(fixture), '<html>not a camera</html>']);
    const found = await discoverCameras(1500);
    expect(probes[0]).toMatch(/<Types>dn:NetworkVideoTransmitter<\/Types>/);
    const byUrn = new Map(found.map((c) => [c.urn, c]));
    expect([...byUrn.keys()].sort()).toEqual([
      'urn:uuid:3ea96f68-b845-4c0b-87cf-eee904c4be65',
      'urn:uuid:6eff0000-9fd2-11b4-8331-bcbac2a4dee3',
      'uuid:2a46daf1-86f6-91ad-5458-3d184eb186f6',
    ]);
    expect(byUrn.get('urn:uuid:6eff0000-9fd2-11b4-8331-bcbac2a4dee3')).toMatchObject({
      name: 'HIKVISION DS-2CD2145FWD-I', hardware: 'DS-2CD2145FWD-I',
      xaddrs: ['http://192.168.1.17/onvif/device_service', 'http://[fd8f:ff1b:35a3:e24d:beba:c2ff:fea4:dee3]/onvif/device_service'],
      types: ['dn:NetworkVideoTransmitter', 'tds:Device'],
    });
    expect(byUrn.get('urn:uuid:3ea96f68-b845-4c0b-87cf-eee904c4be65')).toMatchObject({ name: 'AXIS M2025-LE', hardware: 'M2025-LE' });
    expect(byUrn.get('uuid:2a46daf1-86f6-91ad-5458-3d184eb186f6')?.scopes).toContain('onvif://www.onvif.org/Profile/T');
  });

  it('reads every match of a message holding several', () => {
    const xml = fixture(CAPTURES[0]!);
    const block = /<d:ProbeMatch>[\s\S]*<\/d:ProbeMatch>/.exec(xml)?.[0] ?? '';
    const two = xml.replace(block, block + block.replace('6eff0000', '6eff0001'));
    const found = parseProbeMatches(two, '127.0.0.1');
    expect(found.map((c) => c.urn)).toEqual(['urn:uuid:6eff0000-9fd2-11b4-8331-bcbac2a4dee3', 'urn:uuid:6eff0001-9fd2-11b4-8331-bcbac2a4dee3']);
    expect(parseProbeMatches('<html/>', '127.0.0.1')).toEqual([]);
  });
});
