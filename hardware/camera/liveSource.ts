// Which of a camera's streams to show live: its sub-stream where its ONVIF profiles offer one (a
// smaller H.264 stream that costs the camera, the network and the browser less than the main
// stream being recorded), else the recorded stream itself. Browsers decode H.264, not H.265: a
// sub-stream in another encoding is no use to them.
import type { ProbedProfile } from './control.js';
import { redactUrl } from './rtspProbe.js';

/** Smaller than this is a thumbnail stream, not a picture to watch a room by. */
const MIN_WIDTH = 320;

const sameStream = (a: string, b: string): boolean => redactUrl(a) === redactUrl(b);

/** The address of the camera's best sub-stream for live view, or null when it has none. */
export function pickSubStream(profiles: readonly ProbedProfile[], recordedUrl: string): string | null {
  const candidates = profiles.flatMap((p) => {
    const v = p.video;
    if (!p.streamUri || !v || (v.encoding ?? '').toUpperCase() !== 'H264' || sameStream(p.streamUri, recordedUrl)) return [];
    if (v.width !== null && v.width < MIN_WIDTH) return [];
    return [{ uri: p.streamUri, pixels: (v.width ?? 0) * (v.height ?? 0) }];
  });
  candidates.sort((a, b) => a.pixels - b.pixels);
  return candidates[0]?.uri ?? null;
}
