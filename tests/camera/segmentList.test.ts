import { describe, expect, it } from 'vitest';
import { ffmpegArgs, fileSafe, segmentIndexOf, segmentName, segmentPattern } from '../../hardware/camera/ffmpegArgs.js';
import { LineSplitter, parseSegmentListLine } from '../../hardware/camera/segmentList.js';

describe('segment list lines', () => {
  it('reads ffmpeg CSV entries', () => {
    expect(parseSegmentListLine('room1-1795306639838-000000.mkv,0.000000,2.007000')).toEqual({ name: 'room1-1795306639838-000000.mkv', startSec: 0, endSec: 2.007 });
    expect(parseSegmentListLine('"a,b""c.mkv",2.5,4.5')).toEqual({ name: 'a,b"c.mkv', startSec: 2.5, endSec: 4.5 });
  });

  it('refuses what is not an entry', () => {
    for (const l of ['', 'garbage', 'x.mkv,2.0', 'x.mkv,3.0,2.0', ',1,2']) expect(parseSegmentListLine(l)).toBeNull();
  });

  it('splits chunks into whole lines', () => {
    const s = new LineSplitter();
    expect(s.push('a.mkv,0,2\nb.mk')).toEqual(['a.mkv,0,2']);
    expect(s.push('v,2,4\r\n')).toEqual(['b.mkv,2,4']);
    expect(s.push('')).toEqual([]);
  });
});

describe('ffmpeg command line', () => {
  it('copies video, keeps audio, segments to Matroska with the list on stdout', () => {
    const args = ffmpegArgs({ rtspUrl: 'rtsp://cam/1', pattern: '/rec/x-%06d.mkv', segmentSeconds: 10, rtspTimeoutMs: 5000 });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-rtsp_transport')).toBe('tcp');
    expect(after('-timeout')).toBe('5000000');
    expect(after('-c')).toBe('copy');
    expect(after('-f')).toBe('segment');
    expect(after('-segment_time')).toBe('10');
    expect(after('-reset_timestamps')).toBe('1');
    expect(after('-segment_format')).toBe('matroska');
    expect(after('-segment_list')).toBe('pipe:1');
    expect(args).toContain('0:a:0?');
    expect(args.at(-1)).toBe('/rec/x-%06d.mkv');
  });

  it('names segment files safely and can read their index back', () => {
    expect(fileSafe('审讯室 1/../x')).toBe('____1_.._x');
    expect(fileSafe('..')).toBe('_');
    expect(segmentPattern('cam-1', 1_795_306_639_838)).toBe('cam-1-1795306639838-%06d.mkv');
    const name = segmentName('cam-1', 1_795_306_639_838, 42);
    expect(name).toBe('cam-1-1795306639838-000042.mkv');
    expect(segmentIndexOf(name)).toBe(42);
    expect(segmentIndexOf('notes.txt')).toBeNull();
  });
});
