// The county platform as the tests run it: `npm run county` (tsx on main/cli/county.ts) as a
// child process against a throwaway PostgreSQL, its one-line JSON answers read from stdout; and
// stations started through the one start-up path with `county` in their configuration.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'vitest';
import { bootStation, type BootedStation } from '../../main/host/boot.js';
import type { CountyLinkView } from '../../common/views.js';
import type { CountyPusher } from '../../main/host/countyPusher.js';

export const REPO = join(import.meta.dirname, '../..');
const CLI = join(REPO, 'main/cli/county.ts');

export interface CountyRun { readonly code: number | null; readonly lines: unknown[]; readonly stderr: string }

/** `npm run county -- ARGS` to its end; `input` goes to standard input. */
export async function countyCli(args: readonly string[], input = ''): Promise<CountyRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  child.stdin.end(input);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stderr: err, lines: out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown) };
}

export async function enrol(pg: string, station: string): Promise<string> {
  const r = await countyCli(['enrol', '--pg', pg, '--station', station]);
  const token = (r.lines[0] as { token?: string } | undefined)?.token;
  if (r.code !== 0 || !token) throw new Error(`enrol ${station} failed (${String(r.code)}): ${r.stderr}`);
  return token;
}

export interface StatusLine { station: string; seq: number; head: string; verified: boolean; lastSeenAt: number | null }

export async function countyStatus(pg: string): Promise<StatusLine[]> {
  const r = await countyCli(['status', '--pg', pg]);
  if (r.code !== 0) throw new Error(`status failed: ${r.stderr}`);
  return r.lines as StatusLine[];
}

export interface RunningCounty {
  readonly url: string;
  readonly fingerprint: string;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all. */
  kill(): Promise<void>;
}

export async function startCounty(pg: string, dataDir: string, port = 0): Promise<RunningCounty> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--pg', pg, '--port', String(port), '--bind', '127.0.0.1', '--data', dataDir], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const listening = await new Promise<{ url: string; fingerprint: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`county exited (${String(code)}) before listening:\n${err}`)));
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string; fingerprint?: string };
        if (msg.event === 'listening' && msg.url && msg.fingerprint) resolve({ url: msg.url, fingerprint: msg.fingerprint });
      } catch { /* not a status line */ }
    });
  });
  const ended = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    ...listening, child, stderr: () => err,
    async stop() {
      if (ended()) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    async kill() {
      if (ended()) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

/** A small area of its own for each station. */
export function areaConfig(id: string, name: string): Record<string, unknown> {
  return {
    area: { id, name },
    rooms: [
      { id: 'REG', name: '登记区', kind: 'registration' }, { id: 'W1', name: '候问室一', kind: 'waiting', capacity: 4 },
      { id: 'INT1', name: '讯问室一', kind: 'interrogation' },
    ],
    readers: [],
    cameras: [{ id: 'CAM-INT1', room: 'INT1' }],
    officers: [{ id: 'E101', name: '周警官', gender: 'male' }, { id: 'E102', name: '吴警官', gender: 'female' }],
  };
}

export interface CountyConfig { readonly url: string; readonly token: string; readonly fingerprint: string }

/** The station's configuration file in `dir`, naming the county; returns its path. */
export function writeStationConfig(dir: string, area: Record<string, unknown>, county: CountyConfig): string {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'station.json');
  writeFileSync(config, JSON.stringify({ area, county }));
  // A configuration file is imported once; after that the station reads its settings file, where its
  // administrator changes the county link (as here, for a station started again with another one).
  const settings = join(dir, 'data', 'station.json');
  if (existsSync(settings)) {
    const current = JSON.parse(readFileSync(settings, 'utf8')) as Record<string, unknown>;
    writeFileSync(settings, JSON.stringify({ ...current, county }), { mode: 0o600 });
  }
  return config;
}

/** A station through the one start-up path, its configuration naming the county. */
export async function bootWithCounty(dir: string, area: Record<string, unknown>, county: CountyConfig, log: (line: string) => void = () => undefined): Promise<BootedStation> {
  const config = writeStationConfig(dir, area, county);
  return bootStation({
    argv: ['--config', config, '--data', join(dir, 'data')], env: {}, defaultDataDir: join(dir, 'data'), rendererDir: '/nonexistent-pages',
    http: 'lan', log,
  });
}

/** A day's work at a desk: registrations, moves and rest breaks (every one a committed event or more). */
export function work(b: BootedStation, prefix: string, persons: number, restsEach: number): void {
  const submit = (command: Record<string, unknown>, actor = 'E101'): void => {
    const r = b.host.station.submit(command, { actor });
    if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.message}`);
  };
  for (let i = 1; i <= persons; i++) {
    const id = `${prefix}-${i}`;
    submit({ type: 'person.enter', person: { id, name: `证人${prefix}${i}`, gender: i % 2 ? 'male' : 'female', birthDate: '1985-03-0' + String(1 + (i % 9)), role: 'witness' } });
    submit({ type: 'person.move', who: id, room: 'W1' });
    for (let k = 0; k < restsEach; k++) submit({ type: 'care.rest', personId: id, note: `休息 ${k}` });
  }
}

/** Resolves with the link view once `ok` holds for it (checked now and at every change), or rejects after `ms`. */
export function linkWhere(b: BootedStation, ok: (v: CountyLinkView) => boolean, ms = 30_000): Promise<CountyLinkView> {
  const link = b.host.countyLink as CountyPusher | null;
  if (!link) return Promise.reject(new Error('the station has no county link'));
  const now = link.view();
  if (ok(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      link.off('change', on);
      link.off('ack', on);
      reject(new Error(`the county link never got there; it is ${JSON.stringify(link.view())}`));
    }, ms);
    function on(v: CountyLinkView): void {
      if (!ok(v)) return;
      clearTimeout(timer);
      link?.off('change', on);
      link?.off('ack', on);
      resolve(v);
    }
    link.on('change', on);
    link.on('ack', on);
  });
}

/** Synced with every event the station holds now. */
export function synced(b: BootedStation, ms?: number): Promise<CountyLinkView> {
  return linkWhere(b, (v) => v.link.state === 'synced' && v.ackSeq === b.host.station.store.count(), ms);
}

/** The station's own audit of its record (`npm run audit -- verify`). */
export async function auditHead(dbPath: string): Promise<{ events: number; headHash: string; ok: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/audit.ts'), 'verify', '--db', dbPath], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  await once(child, 'close');
  return JSON.parse(out.trim()) as { events: number; headHash: string; ok: boolean };
}

/**
 * `county status` holds, for each station, exactly the line — {"station","seq","head",
 * "verified","lastSeenAt"} in that order — with seq and head what the station's own audit prints
 * as events and headHash.
 */
export async function expectStatusMatchesAudit(pg: string, ids: readonly string[], booted: readonly BootedStation[]): Promise<void> {
  const status = await countyStatus(pg);
  for (const [i, id] of ids.entries()) {
    const b = booted[i] as BootedStation;
    const audit = await auditHead(b.record.path);
    const line = status.find((s) => s.station === id);
    expect(audit.ok).toBe(true);
    expect(line).toMatchObject({ station: id, seq: audit.events, head: audit.headHash, verified: true });
    expect(typeof line?.lastSeenAt).toBe('number');
    expect(Object.keys(line ?? {})).toEqual(['station', 'seq', 'head', 'verified', 'lastSeenAt']);
  }
}
