// What the generated days (dayScenario.ts, moveDay.ts) share: their clock, a buffered writer of
// scenario lines, and the opening of the area (its configuration, its cameras recording).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const DAY_S = 86_400;
const BASE = Date.UTC(2026, 2, 1, 16, 0, 0); // 2026-03-02 00:00 in +08:00

/** The `at` of a line `sec` seconds into the day, in +08:00. */
export function iso(sec: number): string {
  const d = new Date(BASE + sec * 1000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export interface Room { id: string; name: string; kind: string; capacity?: number }
export interface ScenarioWriter {
  /** Appends one line. */
  write(line: string): void;
  /** Lines written so far. */
  readonly lines: number;
  end(): Promise<void>;
}

/** Lines go to `path` a megabyte at a time: a million of them one by one would cost most of the run. */
export function scenarioWriter(path: string): ScenarioWriter {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let buffer = '';
  let lines = 0;
  return {
    write(line) {
      buffer += `${line}\n`;
      lines += 1;
      if (buffer.length > 1 << 20) {
        out.write(buffer);
        buffer = '';
      }
    },
    get lines() {
      return lines;
    },
    async end() {
      out.end(buffer);
      await once(out, 'finish');
    },
  };
}

/** The area's configuration (a reader in every room and one at the exit) and its cameras recording. */
export function openArea(w: ScenarioWriter, rooms: readonly Room[], cameras: readonly { id: string; room: string }[], officers: readonly object[]): void {
  w.write(JSON.stringify({ at: iso(0), type: 'area.configure', area: { id: 'BENCH', name: '性能测试办案区' }, rooms,
    readers: [...rooms.map((r) => ({ id: `RD-${r.id}`, room: r.id, role: 'room' })), { id: 'RD-EXIT', room: null, role: 'exit' }], cameras, officers }));
  for (const c of cameras) w.write(JSON.stringify({ at: iso(0), type: 'camera.status', camera: c.id, online: true, recording: true }));
}
