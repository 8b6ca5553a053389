// WS-Discovery of ONVIF cameras on the local network, through the onvif package's multicast
// probe. The answers are read from the raw ProbeMatches (the package's own parse stumbles over
// a message with several matches). The package's singleton emits 'error' for every answer it
// cannot parse, and an 'error' event nobody listens to would crash the station: it gets a
// listener for good.
import type { RemoteInfo } from 'node:dgram';
import onvif from 'onvif';
import { decode } from './soapFault.js';

export interface DiscoveredCamera {
  /** The device's endpoint reference, stable across address changes. */
  urn: string;
  /** Device service addresses, as the camera states them. */
  xaddrs: string[];
  scopes: string[];
  types: string[];
  /** From the onvif://www.onvif.org/name/ and /hardware/ scopes. */
  name: string | null;
  hardware: string | null;
  /** The address the answer came from. */
  from: string;
}

const P = '(?:[\\w.-]+:)?';
const field = (block: string, name: string) => decode(new RegExp(`<${P}${name}\\b[^>]*>([^<]*)</${P}${name}>`).exec(block)?.[1] ?? '').trim();

/** Every ProbeMatch of one WS-Discovery answer. */
export function parseProbeMatches(xml: string, from: string): DiscoveredCamera[] {
  const out: DiscoveredCamera[] = [];
  for (const m of xml.matchAll(new RegExp(`<${P}ProbeMatch\\b[^>]*>([\\s\\S]*?)</${P}ProbeMatch>`, 'g'))) {
    const block = m[1] ?? '';
    const urn = field(block, 'Address');
    if (!urn) continue;
    const scopes = field(block, 'Scopes').split(/\s+/).filter(Boolean);
    const scope = (kind: string) => {
      const s = scopes.find((x) => x.startsWith(`onvif://www.onvif.org/${kind}/`));
      if (!s) return null;
      try {
        return decodeURIComponent(s.slice(`onvif://www.onvif.org/${kind}/`.length));
      } catch {
        return s.slice(`onvif://www.onvif.org/${kind}/`.length);
      }
    };
    out.push({
      urn,
      xaddrs: field(block, 'XAddrs').split(/\s+/).filter(Boolean),
      scopes,
      types: field(block, 'Types').split(/\s+/).filter(Boolean),
      name: scope('name'),
      hardware: scope('hardware'),
      from,
    });
  }
  return out;
}

let running: Promise<unknown> = Promise.resolve();

/** Multicasts one probe and collects the answers for timeoutMs. Probes run one at a time. */
export function discoverCameras(timeoutMs = 3000): Promise<DiscoveredCamera[]> {
  const next = running.then(() => probeOnce(timeoutMs));
  running = next.catch(() => undefined);
  return next;
}

let errorsHeard = false;

function probeOnce(timeoutMs: number): Promise<DiscoveredCamera[]> {
  const { Discovery } = onvif;
  if (!errorsHeard) {
    // Answers that are not ProbeMatches: simply not cameras.
    Discovery.on('error', () => undefined);
    errorsHeard = true;
  }
  return new Promise((resolve, reject) => {
    const found = new Map<string, DiscoveredCamera>();
    const onDevice = (_cam: unknown, rinfo: RemoteInfo, xml: string) => {
      for (const c of parseProbeMatches(xml, rinfo.address)) if (!found.has(c.urn)) found.set(c.urn, c);
    };
    Discovery.on('device', onDevice);
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      Discovery.removeListener('device', onDevice);
      if (err) reject(new Error(`WS-Discovery failed: ${err.message}`));
      else resolve([...found.values()]);
    };
    try {
      Discovery.probe({ timeout: timeoutMs, resolve: false }, (err) => {
        // The package reports unparsable answers as an array of errors; a socket error is an Error.
        finish(err instanceof Error ? err : null);
      });
    } catch (err) {
      finish(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
