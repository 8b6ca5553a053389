// The hash chain: each event's hash covers the previous hash and the canonical form of the event,
// so changing, removing or reordering any stored event breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields { readonly seq: number; readonly at: number; readonly type: string; readonly actor: string; readonly payload: string }

/** The canonical event text; `payload` is already canonical JSON. Keys in sorted order. */
export function canonicalEvent(e: ChainFields): string {
  return `{"actor":${JSON.stringify(e.actor)},"at":${e.at},"payload":${e.payload},"seq":${e.seq},"type":${JSON.stringify(e.type)}}`;
}

export function chainHash(prevHash: string, e: ChainFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEvent(e)).digest('hex');
}
