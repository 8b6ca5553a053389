// npm start on a machine without the Electron binary says so and serves the same pages headless.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../main/host/electronBinary.js';
import { REPO } from '../helpers/stationProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'station-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start without Electron', () => {
  it.skipIf(findElectron().path !== null)('falls back to the headless station and prints the URL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'main/cli/start.ts'), '--port', '0', '--data', dir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${err}`)));
        createInterface({ input: child.stdout }).on('line', (l) => {
          const m = /"url":"([^"]+)"/.exec(l);
          if (m?.[1]) resolve(m[1]);
        });
      });
      expect(err).toContain('未找到 Electron');
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('办案区管控工作站');
      const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean; configured: boolean };
      expect(health).toMatchObject({ ok: true, configured: true });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
