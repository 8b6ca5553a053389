// The ffmpeg command lines that turn recorded Matroska segments into MP4 for people: one segment
// at a time into fragmented MP4 for the page's player (playback), and a whole session's segments
// into one MP4 file (evidence export). The video is copied bit for bit; the camera's G.711, which
// MP4 cannot carry, becomes AAC (browsers and every common player play it). The Matroska
// segments themselves, with the camera's own audio, stay on the station under their recorded
// SHA-256.
import type { SegmentFeed } from './segmentFeed.js';

/**
 * Audio for people: AAC-LC; speech from an 8 kHz G.711 (64 kbit/s) source loses nothing audible
 * at 32 kbit/s. ffmpeg's fast coder: its default (two-loop) coder takes minutes for the audio of
 * a two-hour session, the fast one seconds, with no difference a listener of speech can hear.
 */
export const AAC_BITRATE = '32k';
export const AAC = ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', AAC_BITRATE] as const;
/** One time base for every segment's video, so segments laid one after another share it. */
export const VIDEO_TIMESCALE = 90_000;


/**
 * One segment, read from `input` (the open file just checked against its SHA-256, or a pipe of its
 * checked bytes), to fragmented MP4 on stdout, from `from` seconds on (a keyframe's time: the
 * output's time 0 is that keyframe; only on a file, which ffmpeg can seek in).
 */
export function playbackArgs(input: string, from = 0): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    ...(from > 0 ? ['-ss', from.toFixed(3)] : []),
    '-f', 'matroska', '-i', input,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c:v', 'copy', ...AAC,
    '-f', 'mp4',
    // A fragment per group of pictures: each starts on a keyframe, so playback can start at any of them.
    '-movflags', 'empty_moov+default_base_moof+frag_keyframe',
    '-video_track_timescale', String(VIDEO_TIMESCALE),
    'pipe:1',
  ];
}

/**
 * Segments named in an ffconcat list (files or pipes), one after another, to one MP4 file. Its index stays at the
 * end (no faststart): moving it to the front would write the whole file a second time, and every
 * player opens a file from a disk or a USB stick either way.
 */
export function evidenceArgs(listFile: string, out: string, feed: SegmentFeed): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    // The list names the segment files the station opened and checked (/dev/fd/N), or the pipes
    // it writes their checked bytes into (pipe:N); nothing else may be opened.
    '-protocol_whitelist', feed === 'open-file' ? 'file' : 'file,pipe', '-f', 'concat', '-safe', '0', '-i', listFile,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c:v', 'copy', ...AAC,
    '-video_track_timescale', String(VIDEO_TIMESCALE),
    '-f', 'mp4', out,
  ];
}

/**
 * Segments named in an ffconcat list of pipes, one after another, copied as they are (the camera's
 * own audio too) into one stream on stdout: one part of a long export whose segments are more than
 * one ffmpeg can be given pipes for (evidenceMp4.ts); the parts are then read like segments. NUT
 * carries any codec and, written to a pipe, states no duration, so the next part follows the last
 * packet of the one before (Matroska written to a pipe states its first segment's duration as its
 * own, and the parts would overlap).
 */
export function evidencePartArgs(listFile: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-protocol_whitelist', 'file,pipe', '-f', 'concat', '-safe', '0', '-i', listFile,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-c', 'copy', '-f', 'nut', 'pipe:1',
  ];
}

/** An ffconcat list of inputs (quoted as the format wants: ' closes and reopens the quote). */
export function concatList(paths: readonly string[]): string {
  return `ffconcat version 1.0\n${paths.map((p) => `file '${p.replaceAll("'", "'\\''")}'\n`).join('')}`;
}
