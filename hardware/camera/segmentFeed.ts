// How ffmpeg is given a checked segment, by the platform the station runs on.
//
// On Linux the station hands ffmpeg the open file it checked: the child inherits it, and ffmpeg
// opens /dev/fd/N, which the kernel resolves to that very file (not to whatever now has its name),
// so ffmpeg can seek in it and no byte is copied through the station. Windows has no such path to
// an inherited handle (and other systems' /dev/fd does not reopen the file), so there the station
// reads the open file itself and writes into a pipe exactly the bytes it hashes: slower, but what
// ffmpeg gets is what was checked, whatever happens to the file meanwhile.

export type SegmentFeed = 'open-file' | 'pipe';

export function segmentFeed(platform: NodeJS.Platform): SegmentFeed {
  return platform === 'linux' ? 'open-file' : 'pipe';
}

/** The path through which a child process given an open file as descriptor `fd` reads that file (Linux). */
export const inheritedPath = (fd: number): string => `/dev/fd/${fd}`;

/** The name ffmpeg reads a pipe given to it as descriptor `fd` by. */
export const pipeInput = (fd: number): string => `pipe:${fd}`;
