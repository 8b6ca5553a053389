// Format errors stop a replay with exit 2 and name the line; rejected events do not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replay, ReplayFormatError, type ReplayOutput } from '../../main/replay/replay.js';
import { replayLines } from '../helpers/replayRun.js';
import { REPO } from '../helpers/stationProcess.js';

const configure = JSON.stringify({ at: '2026-03-02T08:00:00+08:00', type: 'area.configure', area: { id: 'A', name: '办案区' }, rooms: [{ id: 'W1', name: '候问室', kind: 'waiting' }], readers: [], cameras: [], officers: [] });
const line = (o: Record<string, unknown>) => JSON.stringify(o);

function formatError(lines: string[]): ReplayFormatError {
  try {
    replayLines(lines);
  } catch (err) {
    if (err instanceof ReplayFormatError) return err;
    throw err;
  }
  throw new Error('no format error');
}

describe('replay format errors', () => {
  it.each([
    ['not JSON', [configure, '{nope'], 2],
    ['not an object', [configure, '[1,2]'], 2],
    ['no type', [configure, line({ at: '2026-03-02T08:01:00+08:00' })], 2],
    ['unknown type', [configure, line({ at: '2026-03-02T08:01:00+08:00', type: 'person.teleport' })], 2],
    ['no at', [configure, line({ type: 'clock' })], 2],
    ['at without offset', [configure, line({ at: '2026-03-02T08:01:00', type: 'clock' })], 2],
    ['going back in time', [configure, line({ at: '2026-03-02T07:59:59+08:00', type: 'clock' })], 2],
    ['not starting with area.configure', [line({ at: '2026-03-02T08:01:00+08:00', type: 'clock' })], 1],
    ['an invalid first area.configure', [line({ at: '2026-03-02T08:00:00+08:00', type: 'area.configure', area: { id: 'A', name: '' }, rooms: [] })], 1],
    ['counting blank and comment lines', [configure, '', '# comment', '   ', 'oops'], 5],
  ])('%s', (_name, lines, lineNo) => {
    expect(formatError(lines).line).toBe(lineNo);
  });

  it('stops at a wrong line far into the file having done every line before it and none after', () => {
    // Lines are read ahead in batches (replay.ts): the stop must still fall where the line is.
    const read = (i: number) => line({ at: `2026-03-02T08:${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}+08:00`, type: 'tag.read', reader: 'R9', tag: `T${i}` });
    const lines = [configure, ...Array.from({ length: 1200 }, (_, i) => read(i)), 'oops', ...Array.from({ length: 300 }, (_, i) => read(1200 + i))];
    const out: ReplayOutput[] = [];
    let stopped: unknown = null;
    try {
      replay(lines, null, (o) => out.push(o));
    } catch (err) {
      stopped = err;
    }
    expect(stopped).toBeInstanceOf(ReplayFormatError);
    expect((stopped as ReplayFormatError).line).toBe(1202);
    expect(out).toHaveLength(1200);
    expect(out.at(-1)).toMatchObject({ rejected: 'tag.read', line: 1201 });
  });

  it('accepts the same instant expressed in another offset and a later configure is rejected', () => {
    const out = replayLines([configure, line({ at: '2026-03-02T00:00:00Z', type: 'clock' }), configure.replace('08:00:00', '08:00:01')]);
    expect(out).toEqual([expect.objectContaining({ rejected: 'area.configure', line: 3, code: 'AREA_ALREADY_CONFIGURED' })]);
  });

  it('the rejected field-level problems name the field', () => {
    const out = replayLines([configure, line({ at: '2026-03-02T08:01:00+08:00', type: 'person.move', who: 'X' })]);
    expect(out).toEqual([expect.objectContaining({ rejected: 'person.move', line: 2, field: 'room' })]);
  });
});

describe('npm run replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/replay.ts'), ...args], { cwd: REPO, encoding: 'utf8' });

  it('exits 2 naming the line, keeping what it already wrote', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, [configure, line({ at: '2026-03-02T08:00:10+08:00', type: 'tag.read', reader: 'R9', tag: 'T' }), 'oops'].join('\n'));
    const r = run([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 3');
    expect(r.stdout).toContain('"rejected":"tag.read"');
  });

  it('keeps the record with --db, and it verifies', () => {
    const file = join(dir, 'ok.jsonl');
    writeFileSync(file, `${configure}\n${line({ at: '2026-03-02T08:00:10+08:00', type: 'person.enter', person: { id: 'P1', name: '张三', gender: 'male', birthDate: '1990-01-01', role: 'witness' } })}\n`);
    const db = join(dir, 'kept.db');
    expect(run([file, '--db', db]).status).toBe(0);
    const audit = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/audit.ts'), 'verify', '--db', db], { cwd: REPO, encoding: 'utf8' });
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, events: 2 });
    expect(run([file, '--db', db]).status).toBe(2); // a record already there is not replayed over
  });

  it('names a missing file', () => {
    const r = run([join(dir, 'nope.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
});
