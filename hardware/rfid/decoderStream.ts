// A decoder as a stream: bytes in, DecodedFrame objects out, for code that pipes
// (e.g. `pipeline(port, new DecoderStream(r2000Decoder()), consumer)`).
import { Transform, type TransformCallback } from 'node:stream';
import type { FrameDecoder } from './frame.js';

export class DecoderStream extends Transform {
  constructor(readonly decoder: FrameDecoder) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.decoder.push(chunk, (frame) => this.push(frame));
    done();
  }
}
