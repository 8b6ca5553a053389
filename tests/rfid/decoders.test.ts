// Properties every decoder keeps, on generated traffic: every frame read in order however the
// bytes are cut, garbage never costing a read, and the stream form giving the same frames.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, test } from 'vitest';
import { DecoderStream } from '../../hardware/rfid/decoderStream.js';
import type { DecodedFrame } from '../../hardware/rfid/frame.js';
import { DRIVERS } from '../../hardware/rfid/protocols.js';
import { seededRandom } from '../../hardware/rfid/sim/random.js';
import { generateTraffic } from '../../hardware/rfid/sim/traffic.js';
import { PROTOCOLS } from '../../hardware/rfid/types.js';
import { decodeAll, decodeInPieces, tagsOf } from '../helpers/rfidVectors.js';

describe.each(PROTOCOLS)('%s decoder', (protocol) => {
  const traffic = generateTraffic(protocol, 200_000, 0.2, seededRandom(7));

  test('reads every generated frame, in order, through garbage before a fifth of them', () => {
    const d = DRIVERS[protocol].decoder();
    expect(tagsOf(decodeAll(d, traffic.bytes))).toEqual(traffic.tags);
    expect(d.stats.frames).toBeGreaterThanOrEqual(traffic.tags.length);
    expect(d.stats.droppedBytes).toBeGreaterThan(0);
  });

  test('the same reads however the bytes are cut', () => {
    const random = seededRandom(11);
    const sizes = Array.from({ length: 97 }, () => 1 + Math.floor(random() * 64));
    expect(tagsOf(decodeInPieces(DRIVERS[protocol].decoder(), traffic.bytes, sizes))).toEqual(traffic.tags);
    const slice = traffic.bytes.subarray(0, 20_000);
    expect(tagsOf(decodeInPieces(DRIVERS[protocol].decoder(), slice, [1]))).toEqual(tagsOf(decodeAll(DRIVERS[protocol].decoder(), slice)));
  });

  test('as a Transform stream', async () => {
    const frames: DecodedFrame[] = [];
    const chunks = Array.from({ length: Math.ceil(traffic.bytes.length / 1000) }, (_, i) => traffic.bytes.subarray(i * 1000, (i + 1) * 1000));
    await pipeline(
      Readable.from(chunks),
      new DecoderStream(DRIVERS[protocol].decoder()),
      new Writable({
        objectMode: true,
        write(frame: DecodedFrame, _enc, done) {
          frames.push(frame);
          done();
        },
      }),
    );
    expect(tagsOf(frames)).toEqual(traffic.tags);
  });
});
