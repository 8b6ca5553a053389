// npm start on a machine without the Electron binary says so and runs the same start-up headless:
// the configuration it is given is the area it records, and the pages are served.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../main/host/electronBinary.js';
import { REPO } from '../helpers/stationProcess.js';
import { AREA, scratch } from './bootFixtures.js';

const s = scratch('station-start-');
afterAll(() => s.remove());

interface Listening { url: string; record: string; demo: boolean }

describe('npm start without Electron', () => {
  it.skipIf(findElectron().path !== null)('falls back to the headless station, records the configured area and prints the URL', async () => {
    const data = s.path('data');
    const config = s.config('area.json', { area: AREA });
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/start.ts'), '--port', '0', '--config', config, '--data', data], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    try {
      const listening = await new Promise<Listening>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${err}`)));
        createInterface({ input: child.stdout }).on('line', (l) => {
          const msg = JSON.parse(l) as { event?: string } & Listening;
          if (msg.event === 'listening') resolve(msg);
        });
      });
      expect(err).toContain('未找到 Electron');
      expect(listening).toMatchObject({ record: join(data, 'station.db'), demo: false });
      expect(existsSync(join(data, 'demo'))).toBe(false);
      const page = await fetch(`${listening.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('办案区管控工作站');
      const setup = await fetch(`${listening.url}/api/setupState`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await setup.json()).toEqual({ needed: true, example: false, firstRun: false });
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
