// Enrolment and the state of every station's copy, as `county enrol` and `county status` say them.
import { createHash, randomBytes } from 'node:crypto';
import { num, type Pool } from './pool.js';

/** Station ids: short, printable, safe in a path and a URL. */
export const STATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new enrolment token: 256 random bits. */
export function newToken(): string {
  return `cty_${randomBytes(32).toString('base64url')}`;
}

/**
 * Enrols a station, or gives an enrolled one a new token (the old one stops working). Only the
 * token's hash is kept; the token itself is returned once, to be put in the station's configuration.
 */
export async function enrolStation(pool: Pool, station: string, now: number): Promise<{ token: string; renewed: boolean }> {
  const token = newToken();
  const r = await pool.query<{ inserted: boolean }>(`INSERT INTO stations (id, token_hash, enrolled_at) VALUES ($1, $2, $3)
    ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash RETURNING (xmax = 0) AS inserted`, [station, tokenHash(token), now]);
  return { token, renewed: r.rows[0]?.inserted === false };
}

export interface StationStatus {
  readonly station: string;
  /** The last event the county holds, and its hash (what the station's `audit verify` calls events and headHash). */
  readonly seq: number;
  readonly head: string;
  /** Every event held was verified link by link and the station still extends them. */
  readonly verified: boolean;
  readonly lastSeenAt: number | null;
}

export async function stationStatus(pool: Pool): Promise<StationStatus[]> {
  const r = await pool.query<{ id: string; seq: string; head: string; verified: boolean; last_seen_at: string | null }>(
    'SELECT id, seq, head, verified, last_seen_at FROM stations ORDER BY id');
  return r.rows.map((x) => ({ station: x.id, seq: Number(x.seq), head: x.head, verified: x.verified, lastSeenAt: num(x.last_seen_at) }));
}
