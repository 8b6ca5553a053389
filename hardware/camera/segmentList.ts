// ffmpeg's segment muxer writes one CSV line per closed segment to the list (`-segment_list
// pipe:1 -segment_list_type csv`): `name,start,end`, times in seconds of the input timeline.
// The line is written after the file is closed, so it is the moment the segment is final.

export interface SegmentListEntry {
  /** File name as ffmpeg wrote it (no directory). */
  name: string;
  startSec: number;
  endSec: number;
}

/** One CSV line, or null for anything that is not a segment entry. */
export function parseSegmentListLine(line: string): SegmentListEntry | null {
  const m = /^(.*),(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\s*$/.exec(line.trim());
  if (!m) return null;
  let name = m[1] ?? '';
  // CSV quoting, used by ffmpeg when a name holds a comma or a quote.
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(/""/g, '"');
  const startSec = Number(m[2]);
  const endSec = Number(m[3]);
  if (name === '' || !(endSec >= startSec)) return null;
  return { name, startSec, endSec };
}

/** Splits a byte stream into lines, keeping a partial line until its end arrives. */
export class LineSplitter {
  private rest = '';
  push(chunk: string): string[] {
    this.rest += chunk;
    const lines = this.rest.split('\n');
    this.rest = lines.pop() ?? '';
    return lines.map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
  }
}
