// The ffmpeg command line of a live view: the camera's stream remuxed into fragmented MP4 on
// stdout for Media Source Extensions. The video is copied as the camera sends it (no decoding, no
// encoding: a few percent of a core per camera); the camera's G.711 becomes AAC, which browsers
// play and MP4 can carry. Fragments are cut at every keyframe and at least every 200 ms, so the
// picture reaches the browser within a fraction of a second of ffmpeg receiving it, and a viewer
// who joins later can start at the fragment that opens the current group of pictures.

import { AAC } from './playbackArgs.js';

export interface LiveRun {
  /** What ffmpeg reads: the URL the station's one stream-input function gave for this camera. */
  readonly input: string;
  /** RTSP socket I/O timeout: a camera silent for this long ends the run (and it is restarted). */
  readonly rtspTimeoutMs: number;
}

export const LIVE_FRAGMENT_MS = 200;

export function liveArgs(r: LiveRun): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-rtsp_transport', 'tcp',
    '-timeout', String(Math.round(r.rtspTimeoutMs * 1000)),
    // The camera's SDP names its codecs; a short probe and no interleaving queue keep the first
    // picture quick (each fragment is interleaved by the MP4 muxer anyway).
    '-analyzeduration', '300000', '-probesize', '500000',
    '-fflags', 'nobuffer',
    '-i', r.input,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c:v', 'copy',
    ...AAC,
    '-f', 'mp4',
    '-movflags', 'empty_moov+default_base_moof+frag_keyframe',
    '-frag_duration', String(LIVE_FRAGMENT_MS * 1000),
    '-flush_packets', '1', '-max_interleave_delta', '0',
    'pipe:1',
  ];
}
