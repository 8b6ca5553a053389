// The limiter's table: bounded, blocks kept until they end, and the policy when only blocks fill it.
import { describe, expect, it } from 'vitest';
import { addressKey, isLoopback } from '../../main/server/addresses.js';
import { RateLimiter } from '../../main/server/rateLimit.js';

describe('RateLimiter', () => {
  it('holds at most its capacity, forgetting the longest-idle counting key, never a block', () => {
    let t = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => t, capacity: 100 });
    for (let i = 0; i < 3; i++) limiter.allow('blocked');
    expect(limiter.isBlocked('blocked')).toBe(true);
    for (let i = 0; i < 10_000; i++) {
      t += 1;
      expect(limiter.allow(`k${i}`)).toBe(true);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    expect(limiter.allow('blocked')).toBe(false);
    // The block ends with its window, not before.
    t = 60_000;
    expect(limiter.allow('blocked')).toBe(true);
  });

  it('refuses new keys when the table holds nothing but blocks, except the desk itself', () => {
    let t = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => t, capacity: 10, neverRefusedWhenFull: isLoopback });
    for (let i = 0; i < 10; i++) { limiter.allow(`b${i}`); limiter.allow(`b${i}`); }
    expect(limiter.size).toBe(10);
    expect(limiter.allow('newcomer')).toBe(false);
    expect(limiter.allow('127.0.0.1')).toBe(true);
    for (let i = 0; i < 10; i++) expect(limiter.allow(`b${i}`)).toBe(false);
    t = 60_000;
    expect(limiter.allow('newcomer')).toBe(true);
  });

  it('counts IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('::1')).toBe('::1');
  });
});
