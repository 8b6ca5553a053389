// Data folders and configuration files for start-up tests, in a temporary folder removed after.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small real area, distinct from the example's. */
export const AREA = {
  area: { id: 'CX-01', name: '城西派出所办案区' },
  rooms: [
    { id: 'REG', name: '登记区', kind: 'registration' },
    { id: 'W1', name: '候问室一', kind: 'waiting', capacity: 2 },
    { id: 'INT1', name: '讯问室一', kind: 'interrogation' },
  ],
  readers: [],
  cameras: [{ id: 'CAM-INT1', room: 'INT1' }],
  officers: [{ id: 'E101', name: '周警官', gender: 'male' }],
};

export interface Scratch {
  readonly root: string;
  /** A fresh path under the scratch folder (not created). */
  path(...parts: string[]): string;
  /** Writes a JSON configuration file and returns its path. */
  config(name: string, value: unknown): string;
  remove(): void;
}

export function scratch(prefix: string): Scratch {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    path: (...parts) => join(root, ...parts),
    config(name, value) {
      const file = join(root, name);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
