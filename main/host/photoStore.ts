// Person photos in the data folder, named by their SHA-256: the registration photo (登记照片, a
// JPEG or PNG) and the ID card's photo as read (WLT, which only the card vendors' library
// decodes). The record keeps only the hash, so a photo changed on disk shows as not intact.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder, writePrivateFile } from './privateFiles.js';

export const PHOTO_KINDS = { jpeg: 'jpg', png: 'png', wlt: 'wlt' } as const;
export type PhotoKind = keyof typeof PHOTO_KINDS;

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What the bytes are, by their first bytes; null for anything else. */
export function imageKindOf(bytes: Buffer): 'jpeg' | 'png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  return null;
}

export interface StoredPhoto {
  readonly kind: PhotoKind;
  readonly bytes: Buffer;
  /** The bytes still hash to the name the record keeps. */
  readonly intact: boolean;
}

export class PhotoStore {
  constructor(private readonly dir: string) {}

  /** Stores the bytes (once: the same photo is the same file) and returns their SHA-256. */
  save(bytes: Buffer, kind: PhotoKind): string {
    const sha = sha256Of(bytes);
    ensurePrivateFolder(this.dir);
    const path = join(this.dir, `${sha}.${PHOTO_KINDS[kind]}`);
    if (!existsSync(path)) writePrivateFile(path, bytes);
    return sha;
  }

  /** The photo the record names by `sha`, or null if no such file is there. */
  read(sha: string, kinds: readonly PhotoKind[]): StoredPhoto | null {
    if (!SHA256.test(sha)) return null;
    for (const kind of kinds) {
      const path = join(this.dir, `${sha}.${PHOTO_KINDS[kind]}`);
      if (!existsSync(path)) continue;
      const bytes = readFileSync(path);
      return { kind, bytes, intact: sha256Of(bytes) === sha };
    }
    return null;
  }
}
