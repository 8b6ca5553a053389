// The playback clock follows the playhead across segments and to the end of what was recorded.
// The page learns the playhead's time only every quarter second or so (a second of media at ×4),
// and a segment may be shorter than that (a recorder restart closes one after a fraction of a
// second) or carry a little media past its recorded span (the remuxed audio runs on after the last
// picture). The figures are those of an end-to-end run under load: the clock stood 154 ms into a
// 289 ms segment and stayed there while its last 250 ms of media played out and the player stopped.
import { describe, expect, it } from 'vitest';
import { playheadStep, wallOnStream, type SegmentMarker } from '../../renderer/src/media/playbackView.js';

const seg = (seq: number, wallStart: number, wallEnd: number, mediaStart: number): SegmentMarker => ({ kind: 'segment', seq, wallStart, wallEnd, mediaStart });

/** A browser's buffered ranges. */
function ranges(...r: [number, number][]): TimeRanges {
  return { length: r.length, start: (i: number) => r[i]![0], end: (i: number) => r[i]![1] };
}

// The run's stream: three 2 s segments end to end, then the run's last one, recorded as 289 ms,
// whose media on the stream (the audio's) reaches 6.657 s.
const W = 1_796_289_427_343;
const RUN = [seg(12, W, W + 2000, 0), seg(13, W + 1949, W + 3949, 2.091), seg(14, W + 3968, W + 5968, 4.134), seg(16, W + 8060, W + 8349, 6.257)];

describe('the playback clock', () => {
  it('reaches the end of a short last segment that the playhead\'s times step over', () => {
    // The times the page saw: 6.411 s (154 ms into the short segment), then its end.
    expect(wallOnStream(RUN, 6.411251)).toBeCloseTo(W + 8060 + 154.251, 3);
    expect(wallOnStream(RUN, 6.657)).toBe(W + 8349);
  });

  it('shows a segment a time a second of media later lands past', () => {
    // A 330 ms third segment after a gap on the stream, entered at its start when the gap was jumped.
    const s = [seg(1, 10_000, 12_000, 0), seg(2, 12_000, 14_000, 2.05), seg(3, 17_000, 17_330, 7.1)];
    expect(wallOnStream(s, 7.10035)).toBeCloseTo(17_000.35, 6);
    expect(wallOnStream(s, 8.1)).toBe(17_330);
  });

  it('maps a time inside a segment onto its recorded span', () => {
    expect(wallOnStream(RUN, 0)).toBe(W);
    expect(wallOnStream(RUN, 1.5)).toBe(W + 1500);
    expect(wallOnStream(RUN, 2.091 + 0.5)).toBeCloseTo(W + 1949 + 500, 6);
    // Where two segments meet (the one before carries a little more media than its span).
    expect(wallOnStream(RUN, 2.03)).toBe(W + 2000);
    expect(wallOnStream(RUN, 2.06)).toBe(W + 1949);
  });

  it('holds the last recorded instant across a gap on the stream and says nothing before the first segment', () => {
    const s = [seg(1, 5_000, 6_000, 1), seg(2, 9_000, 10_000, 5)];
    expect(wallOnStream(s, 0.5)).toBeNull();
    expect(wallOnStream(s, 0.96)).toBe(5_000);
    expect(wallOnStream(s, 3)).toBe(6_000);
    expect(wallOnStream(s, 5.25)).toBe(9_250);
    expect(wallOnStream([], 1)).toBeNull();
  });

  it('does not depend on the order the segments were told in', () => {
    expect(wallOnStream([...RUN].reverse(), 6.657)).toBe(W + 8349);
    expect(wallOnStream([...RUN].reverse(), 3)).toBeCloseTo(W + 1949 + 909, 6);
  });
});

describe('the playhead at the end of a range', () => {
  it('jumps a gap to what follows, from a quarter second before the end', () => {
    const b = ranges([0, 6], [7.1, 7.43]);
    expect(playheadStep(b, 5.5, false)).toBeNull();
    expect(playheadStep(b, 5.8, false)).toEqual({ kind: 'jump', to: 7.1 });
    expect(playheadStep(b, 6.5, true)).toEqual({ kind: 'jump', to: 7.1 });
  });

  it('stops at the very end of all there is, not where it stood', () => {
    const b = ranges([0, 6.657]);
    expect(playheadStep(b, 6.411, true)).toEqual({ kind: 'end', at: 6.657 });
    expect(playheadStep(b, 6.657, true)).toEqual({ kind: 'end', at: 6.657 });
    expect(playheadStep(b, 6.3, true)).toBeNull();
    // More may still come.
    expect(playheadStep(b, 6.5, false)).toBeNull();
  });
});
