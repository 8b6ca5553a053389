// npm start: the desk application in an Electron window. It needs the Electron binary and a
// better-sqlite3 built for Electron (made once, beside node_modules' own build for Node); where
// either cannot be had (the binary cannot be downloaded on every machine), it says so and runs
// the same station headless, with the pages in the browser.
import { spawn } from 'node:child_process';
import { buildElectron, buildElectronSqlite } from '../electron/build.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { findElectron } from '../host/electronBinary.js';
import { parseStartArgs } from '../host/startArgs.js';
import { reportStartFailure, runStation } from './station.js';

const HEADLESS = 'start: 改为无界面工作站模式（headless station）：请在浏览器中打开下面打印的地址。';

async function main(argv: readonly string[]): Promise<void> {
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  parseStartArgs(argv); // a mistake in the options is said before anything is built
  const electron = findElectron();
  if (electron.path === null) {
    log(`start: 未找到 Electron 可执行文件（${electron.reason}）。`);
    log(HEADLESS);
    await runStation(argv);
    return;
  }
  try {
    await buildElectronSqlite(log);
  } catch (err) {
    log(`start: 无法为 Electron 准备 better-sqlite3（${(err as Error).message.split('\n')[0] ?? ''}）。`);
    log(HEADLESS);
    await runStation(argv);
    return;
  }
  await ensureRendererBuilt(log);
  await buildElectron();
  const child = spawn(electron.path, [REPO_ROOT, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main(process.argv.slice(2)).catch((err: unknown) => reportStartFailure(err, 'start'));
