// The main module as it is shipped (dist/electron/main.mjs, bundled by esbuild with its packages
// left in node_modules) starts under Node with a fake 'electron': the window opens and the
// station it started answers over IPC with the configured area.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../main/electron/build.js';
import { REPO } from '../helpers/stationProcess.js';
import { AREA, scratch } from '../host/bootFixtures.js';

const run = promisify(execFile);
const s = scratch('desk-bundle-');
beforeAll(() => buildElectron());
afterAll(() => s.remove());

describe('the bundled main module', () => {
  it('starts the station from its command line and answers over IPC', async () => {
    const { stdout } = await run(process.execPath, [
      '--import', 'tsx', '--import', join(REPO, 'tests/electron/fakeElectronLoader.ts'), join(REPO, 'dist/electron/main.mjs'),
      '--config', s.config('area.json', { area: AREA }), '--data', s.path('data'),
    ], { cwd: REPO, timeout: 60_000, env: { ...process.env, FAKE_USERDATA: s.path('userData'), FAKE_APP_PATH: REPO } });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as unknown;
    expect(result).toEqual({ outcome: 'window', setupState: { ok: true, value: { needed: true, example: false, firstRun: false } }, errorBoxes: [] });
  });
});
