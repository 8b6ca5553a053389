// The ffmpeg command lines that turn recorded Matroska segments into MP4 for people: one segment
// at a time into fragmented MP4 for the page's player (playback), and a whole session's segments
// into one MP4 file (evidence export). The video is copied bit for bit; the camera's G.711, which
// MP4 cannot carry, becomes AAC (browsers and every common player play it). The Matroska
// segments themselves, with the camera's own audio, stay on the station under their recorded
// SHA-256.

/** Audio for people: AAC-LC; speech from an 8 kHz G.711 source loses nothing audible at this rate. */
export const AAC_BITRATE = '64k';
/** One time base for every segment's video, so segments laid one after another share it. */
export const VIDEO_TIMESCALE = 90_000;

const audioToAac = ['-c:a', 'aac', '-b:a', AAC_BITRATE];

/** One segment, read from stdin (the bytes just checked against their SHA-256), to fragmented MP4 on stdout. */
export function playbackArgs(): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-f', 'matroska', '-i', 'pipe:0',
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c:v', 'copy', ...audioToAac,
    '-f', 'mp4',
    // A fragment per group of pictures: each starts on a keyframe, so playback can start at any of them.
    '-movflags', 'empty_moov+default_base_moof+frag_keyframe',
    '-video_track_timescale', String(VIDEO_TIMESCALE),
    'pipe:1',
  ];
}

/** Segments named in an ffconcat list, one after another, to one MP4 file (index at the front, so it plays while copying). */
export function evidenceArgs(listFile: string, out: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'concat', '-safe', '0', '-i', listFile,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c:v', 'copy', ...audioToAac,
    '-movflags', '+faststart',
    '-video_track_timescale', String(VIDEO_TIMESCALE),
    '-f', 'mp4', out,
  ];
}

/** An ffconcat list of files (paths quoted as the format wants: ' closes and reopens the quote). */
export function concatList(paths: readonly string[]): string {
  return `ffconcat version 1.0\n${paths.map((p) => `file '${p.replaceAll("'", "'\\''")}'\n`).join('')}`;
}
