// The one start-up path: which configuration and which record a station starts with, and what the
// person is told (and the log keeps) when it cannot start.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../main/core/store/db.js';
import { LOCK_FILE } from '../../main/host/dataLock.js';
import { bootStation, type BootedStation, type BootOptions } from '../../main/host/boot.js';
import { EXAMPLE_AREA_ID } from '../../main/host/exampleArea.js';
import { StartupError } from '../../main/host/startupError.js';
import { StationHost } from '../../main/host/stationHost.js';
import { AREA, scratch, type Scratch } from './bootFixtures.js';

let s: Scratch;
const running: BootedStation[] = [];
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop();
  s?.remove();
});

const NO_PAGES = '/nonexistent-pages';

async function boot(argv: readonly string[], extra: Partial<BootOptions> = {}): Promise<BootedStation> {
  const b = await bootStation({ argv, env: {}, defaultDataDir: s.path('default-data'), rendererDir: NO_PAGES, http: 'lan', log: () => undefined, ...extra });
  running.push(b);
  return b;
}

async function failure(argv: readonly string[], extra: Partial<BootOptions> = {}): Promise<StartupError> {
  const err = await boot(argv, extra).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(StartupError);
  return err as StartupError;
}

const areaOf = (file: string): string | null => {
  const db = openDb(file, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM area').get() as { id: string } | undefined)?.id ?? null;
  } finally {
    db.close();
  }
};

const logOf = (dataDir: string): string => readFileSync(join(dataDir, 'station.log'), 'utf8');

describe('which configuration and which record', () => {
  it('--config on a fresh data folder records that area in station.db, and makes no example', async () => {
    s = scratch('boot-config-');
    const data = s.path('data');
    const b = await boot(['--config', s.config('area.json', { area: AREA }), '--data', data]);
    expect(b.record).toMatchObject({ path: join(data, 'station.db'), demo: false });
    expect(b.host.station.state.area?.id).toBe('CX-01');
    expect(b.host.example).toBe(false);
    expect(existsSync(join(data, 'demo'))).toBe(false);
  });

  it('without any configuration waits for the first-run wizard on the real record; --example opens the example in demo/ only', async () => {
    s = scratch('boot-demo-');
    const data = s.path('data');
    const first = await boot(['--data', data]);
    expect(first.record).toMatchObject({ path: join(data, 'station.db'), demo: false });
    expect(first.host.station.state.configured).toBe(false);
    expect(first.host.firstRun).toBe(true);
    expect(existsSync(join(data, 'station.json'))).toBe(false);
    await first.stop();
    running.length = 0;
    const b = await boot(['--data', data, '--example']);
    expect(b.record).toMatchObject({ path: join(data, 'demo', 'station.db'), demo: true });
    expect(b.host.example).toBe(true);
    await b.stop();
    running.length = 0;
    expect(areaOf(join(data, 'station.db'))).toBeNull();
    expect(areaOf(join(data, 'demo', 'station.db'))).toBe(EXAMPLE_AREA_ID);
    // The real area, imported later on the same folder, goes to the real record.
    const real = await boot(['--config', s.config('area.json', { area: AREA }), '--data', data]);
    expect(real.host.station.state.area?.id).toBe('CX-01');
    expect(areaOf(join(data, 'demo', 'station.db'))).toBe(EXAMPLE_AREA_ID);
  });

  it("opens the example's record once the person chose it, and the real one again when asked", async () => {
    s = scratch('boot-choice-');
    const data = s.path('data');
    let reopened = 0;
    const first = await boot(['--data', data], { onReopen: () => { reopened++; } });
    first.host.reopen?.(true);
    expect(reopened).toBe(1);
    expect(JSON.parse(readFileSync(join(data, 'station.json'), 'utf8'))).toMatchObject({ openExample: true });
    await first.stop();
    running.length = 0;
    const demo = await boot(['--data', data], { onReopen: () => { reopened++; } });
    expect(demo.record.demo).toBe(true);
    demo.host.reopen?.(false);
    await demo.stop();
    running.length = 0;
    const real = await boot(['--data', data]);
    expect(real.record).toMatchObject({ demo: false, path: join(data, 'station.db') });
    // Without a way to restart, the station cannot switch: the page is told so.
    expect(real.host.reopen).toBeNull();
  });

  it('imports a configuration once, into the settings file; a station.json still in that format is imported and rewritten', async () => {
    s = scratch('boot-sources-');
    const area = (id: string) => ({ area: { ...AREA, area: { id, name: `办案区 ${id}` } } });
    const inFolder = (dir: string) => { s.config(join(dir, 'station.json'), area('FROM-FOLDER')); return s.path(dir); };
    const fromEnv = { STATION_CONFIG: s.config('env.json', area('FROM-ENV')) };

    const a = await boot([], { defaultDataDir: inFolder('a') });
    expect([a.configPath, a.host.station.state.area?.id]).toEqual([s.path('a', 'station.json'), 'FROM-FOLDER']);
    const rewritten = JSON.parse(readFileSync(s.path('a', 'station.json'), 'utf8')) as Record<string, unknown>;
    expect(rewritten).not.toHaveProperty('area');
    expect(rewritten).toHaveProperty('devices');
    const b = await boot([], { defaultDataDir: s.path('b'), env: fromEnv });
    expect(b.host.station.state.area?.id).toBe('FROM-ENV');
    expect(existsSync(s.path('b', 'station.json'))).toBe(true);
    const c = await boot(['--config', s.config('arg.json', area('FROM-ARG'))], { defaultDataDir: s.path('c'), env: fromEnv });
    expect(c.host.station.state.area?.id).toBe('FROM-ARG');
    await c.stop();
    running.length = 0;
    // Once there is a settings file, a configuration file is not read again: 办案区设置 keeps the settings.
    const again = await boot(['--config', s.config('other.json', area('OTHER'))], { defaultDataDir: s.path('c') });
    expect(again.host.station.state.area?.id).toBe('FROM-ARG');
    expect(again.warnings.map((w) => w.code)).toEqual(['CONFIG_NOT_IMPORTED']);
    // STATION_DATA names the data folder when --data does not.
    const d = await boot([], { env: { STATION_DATA: inFolder('d') } });
    expect(d.dataDir).toBe(s.path('d'));
  });

  it('keeps running a recorded area when its configuration file is gone', async () => {
    s = scratch('boot-keep-');
    const data = s.path('data');
    await (await boot(['--config', s.config('area.json', { area: AREA }), '--data', data])).stop();
    running.length = 0;
    const b = await boot(['--data', data]);
    expect(b.record.demo).toBe(false);
    expect(b.host.station.state.area?.id).toBe('CX-01');
  });

  it('never takes a lost record for a fresh folder: without its configuration, a deleted record is refused, not replaced by the example', async () => {
    s = scratch('boot-lost-');
    const data = s.path('data');
    await (await boot(['--config', s.config('area.json', { area: AREA }), '--data', data])).stop();
    running.length = 0;
    for (const f of ['station.db', 'station.db-wal', 'station.db-shm']) rmSync(join(data, f), { force: true });
    const err = await failure(['--data', data]);
    expect(err.code).toBe('RECORD_MISSING');
    expect(existsSync(join(data, 'demo'))).toBe(false);
  });

  it('moves an example record made by an earlier version out of the way of the real area', async () => {
    s = scratch('boot-legacy-');
    const data = s.path('data');
    const legacy = new StationHost({ dataDir: data, log: () => undefined });
    legacy.station.submit({ type: 'person.enter', person: { id: 'P1', name: '演示人员', gender: 'male', birthDate: '1990-01-01', role: 'witness' } }, { actor: 'E001' });
    legacy.close();
    const b = await boot(['--config', s.config('area.json', { area: AREA }), '--data', data]);
    expect(b.host.station.state.area?.id).toBe('CX-01');
    expect(areaOf(join(data, 'demo', 'station.db'))).toBe(EXAMPLE_AREA_ID);
    expect(b.host.station.state.persons.size).toBe(0);
    const demo = openDb(join(data, 'demo', 'station.db'), { readonly: true });
    expect(demo.prepare(`SELECT count(*) AS n FROM events WHERE type = 'person.enter'`).get()).toEqual({ n: 1 });
    demo.close();
  });

  it('warns when the configuration names another area than the one recorded', async () => {
    s = scratch('boot-differs-');
    const data = s.path('data');
    await (await boot(['--config', s.config('a.json', { area: AREA }), '--data', data])).stop();
    running.length = 0;
    // Imported again only once its settings file is gone.
    rmSync(join(data, 'station.json'));
    const b = await boot(['--config', s.config('b.json', { area: { ...AREA, area: { id: 'OTHER', name: '别的办案区' } } }), '--data', data]);
    expect(b.host.station.state.area?.id).toBe('CX-01');
    expect(b.warnings.map((w) => w.code)).toEqual(['AREA_DIFFERS']);
    expect(logOf(data)).toContain('WARNING AREA_DIFFERS');
  });
});

describe('ports', () => {
  it('opens no port for the desk app without LAN access', async () => {
    s = scratch('boot-noport-');
    const b = await boot(['--data', s.path('data')]);
    expect(b.serving).toBeNull();
    expect(b.host.serverInfo).toEqual({ lan: false, urls: [], fingerprint: null });
  });

  it('with LAN access serves HTTPS only, with the certificate fingerprint on serverInfo', async () => {
    s = scratch('boot-lan-');
    const b = await boot(['--data', s.path('data'), '--lan', '--bind', '127.0.0.1', '--port', '0']);
    expect(b.serving?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(b.serving?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(b.host.serverInfo).toMatchObject({ lan: true, fingerprint: b.serving?.fingerprint, urls: [`${b.serving?.url ?? ''}/`] });
  });
});

describe('start-up failures, said in Chinese and kept in station.log', () => {
  let blocker: Server | null = null;
  afterEach(() => { blocker?.close(); blocker = null; });

  it('a taken port', async () => {
    s = scratch('boot-port-');
    blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker?.listen(0, '127.0.0.1', () => resolve((blocker?.address() as { port: number }).port)));
    const data = s.path('data');
    const err = await failure(['--data', data, '--port', String(port)], { http: 'always' });
    expect(err.code).toBe('PORT_TAKEN');
    expect(err.message).toContain(`端口 ${port} 已被占用`);
    expect(logOf(data)).toContain(`ERROR PORT_TAKEN ${err.message}`);
  });

  it('a database written by a newer station', async () => {
    s = scratch('boot-newer-');
    const data = s.path('data');
    await (await boot(['--config', s.config('area.json', { area: AREA }), '--data', data])).stop();
    running.length = 0;
    const db = openDb(join(data, 'station.db'));
    db.pragma('user_version = 999');
    db.close();
    const err = await failure(['--data', data]);
    expect(err.code).toBe('DB_NEWER');
    expect(err.message).toContain('更新版本的工作站');
    expect(logOf(data)).toContain('ERROR DB_NEWER');
  });

  it('a database that cannot be read', async () => {
    s = scratch('boot-garbage-');
    const data = s.path('data');
    s.config(join('data', 'station.db'), 'this is not a database, but it is long enough to look like a file header'.repeat(100));
    const err = await failure(['--data', data]);
    expect(err.code).toBe('RECORD_CORRUPT');
    expect(err.message).toContain('已损坏');
    expect(logOf(data)).toContain('ERROR RECORD_CORRUPT');
    // A damaged record is never mistaken for a fresh folder that gets the example area.
    expect(existsSync(join(data, 'demo'))).toBe(false);
  });

  it('a data folder that cannot be written', async () => {
    s = scratch('boot-unwritable-');
    writeFileSync(s.path('a-file'), '');
    const err = await failure(['--data', s.path('a-file', 'data')]);
    expect(err.code).toBe('DATA_NOT_WRITABLE');
    expect(err.message).toContain('无法写入');
  });

  it.each([
    ['not JSON (and what it held is not repeated)', '{"area": {"cameras": [{"rtsp": "rtsp://admin:s3cret@10.0.0.9/1"}] x'],
    ['an unknown setting', { server: { port: 8620, lna: true } }],
  ])('a configuration file with %s', async (_what, content) => {
    s = scratch('boot-badconfig-');
    const data = s.path('data');
    const file = s.config('bad.json', content);
    const err = await failure(['--config', file, '--data', data]);
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain(`配置文件 ${file} 有误`);
    expect(err.message).not.toContain('s3cret');
    expect(logOf(data)).not.toContain('s3cret');
  });

  it('an area the core refuses', async () => {
    s = scratch('boot-badarea-');
    const data = s.path('data');
    const err = await failure(['--config', s.config('area.json', { area: { ...AREA, rooms: [{ id: 'X', name: '房间', kind: 'dungeon' }] } }), '--data', data]);
    expect(err.code).toBe('AREA_REFUSED');
    expect(err.message).toContain('办案区（area）不被接受');
    expect(existsSync(join(data, 'demo'))).toBe(false);
  });

  it('an unknown option', async () => {
    s = scratch('boot-usage-');
    const err = await failure(['--colour', 'red']);
    expect(err.code).toBe('USAGE');
    expect(err.message).toContain('--colour');
  });
});

describe('one station per data folder', () => {
  // A real process that is not this one holds the folder, as a second station would.
  function otherProcess(): ChildProcess {
    return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  }
  const exited = (child: ChildProcess): Promise<void> => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

  it('refuses a folder another running station holds, naming it, and records nothing', async () => {
    s = scratch('boot-lock-');
    const data = s.path('data');
    mkdirSync(data, { recursive: true });
    const other = otherProcess();
    try {
      writeFileSync(join(data, LOCK_FILE), `${JSON.stringify({ pid: other.pid, host: hostname(), since: 1 })}\n`);
      const err = await failure(['--config', s.config('area.json', { area: AREA }), '--data', data]);
      expect(err.code).toBe('DATA_IN_USE');
      expect(err.message).toContain(`进程 ${String(other.pid)}`);
      expect(err.message).toContain('会使记录分叉');
      expect(existsSync(join(data, 'station.db'))).toBe(false);
      expect(logOf(data)).toContain('DATA_IN_USE');
    } finally {
      other.kill();
      await exited(other);
    }
    // The holder is gone (as after a crash): its lock is taken over.
    const b = await boot(['--config', s.config('area.json', { area: AREA }), '--data', data]);
    expect(JSON.parse(readFileSync(join(data, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await b.stop();
    running.splice(running.indexOf(b), 1);
    expect(existsSync(join(data, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock file left unreadable by a crash while it was written', async () => {
    s = scratch('boot-lock-torn-');
    const data = s.path('data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, LOCK_FILE), '{"pid": 12');
    const b = await boot(['--data', data]);
    // A fresh folder: the real record, waiting for the first-run wizard.
    expect(b.record.demo).toBe(false);
    expect(readdirSync(data).filter((f) => f.startsWith(LOCK_FILE))).toEqual([LOCK_FILE]);
  });
});
