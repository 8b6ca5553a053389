// npm start: the desk application in an Electron window. Where the Electron binary is missing
// (it cannot be downloaded on every machine), say so and run the same station headless, with the
// pages in the browser.
import { spawn } from 'node:child_process';
import { buildElectron } from '../electron/build.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { findElectron } from '../host/electronBinary.js';
import { reportStartFailure, runStation } from './station.js';

async function main(argv: readonly string[]): Promise<void> {
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  const electron = findElectron();
  if (electron.path === null) {
    log(`start: 未找到 Electron 可执行文件（${electron.reason}）。`);
    log('start: 改为无界面工作站模式（headless station）：请在浏览器中打开下面打印的地址。');
    await runStation(argv);
    return;
  }
  await ensureRendererBuilt(log);
  await buildElectron();
  const child = spawn(electron.path, [REPO_ROOT, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main(process.argv.slice(2)).catch((err: unknown) => reportStartFailure(err, 'start'));
