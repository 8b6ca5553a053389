import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/core/store/canonical.js';
import { chainHash, GENESIS_HASH } from '../../main/core/store/chain.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });
  it('hashes depend on the previous hash and every field', () => {
    const e = { seq: 1, at: 5, type: 'x', actor: 'a', payload: '{}' };
    const h = chainHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...e, actor: 'b' })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...e, at: 6 })).not.toBe(h);
    expect(chainHash(h, e)).not.toBe(h);
  });
});
