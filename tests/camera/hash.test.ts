// File hashes put on the record and in evidence manifests: a segment's at close, an export's
// files, a segment checked again before it is served or exported. They must be the SHA-256 of the
// file's bytes from the first to the last, whatever the size against the block read at a time,
// and whatever position an open file was left at.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HASH_BLOCK, hashFile, hashHandle } from '../../hardware/camera/hash.js';

const dir = mkdtempSync(join(tmpdir(), 'hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('file hashes', () => {
  it.each([0, 1, HASH_BLOCK - 1, HASH_BLOCK, HASH_BLOCK + 1, 3 * HASH_BLOCK + 17])('a file of %i bytes hashes as its bytes do', async (size) => {
    const bytes = randomBytes(size);
    const path = join(dir, `f${size}`);
    writeFileSync(path, bytes);
    expect(await hashFile(path)).toEqual({ sha256: sha256Hex(bytes), bytes: size });
  });

  it('an open file is hashed from its first byte, wherever it was read to, and stays open', async () => {
    const bytes = randomBytes(HASH_BLOCK + 5000);
    const path = join(dir, 'open');
    writeFileSync(path, bytes);
    const handle = await open(path, 'r');
    try {
      await handle.read(Buffer.alloc(4096), 0, 4096, null);
      expect(await hashHandle(handle)).toEqual({ sha256: sha256Hex(bytes), bytes: bytes.length });
      expect(await hashHandle(handle)).toEqual({ sha256: sha256Hex(bytes), bytes: bytes.length });
      expect((await handle.stat()).size).toBe(bytes.length);
    } finally {
      await handle.close();
    }
  });

  it('a file that is not there is an error naming it, not a hash', async () => {
    await expect(hashFile(join(dir, 'gone'))).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('gone') as unknown });
  });
});
