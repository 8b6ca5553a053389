// SHA-256 of a file, streamed so a large segment never sits in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileDigest { sha256: string; bytes: number }

export function hashFile(path: string): Promise<FileDigest> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += b.length;
      hash.update(b);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}
