// The desk application: one window showing the station's pages over app://, talking to the
// station through IPC. Everything else — configuration, data folder, record, devices, the LAN
// server — is the one start-up path of every host (main/host/boot.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STARTUP_TEXT } from '../../common/startupText.js';
import { bootStation, type BootedStation } from '../host/boot.js';
import { electronSqliteBinding } from '../host/electronNative.js';
import { reopenArgs, stationArgsOf } from '../host/startArgs.js';
import { StartupError } from '../host/startupError.js';
import { serveAttention } from './attention.js';
import type { DeskElectron, DeskProcess, DeskWindow } from './electronApis.js';
import { serveIpc } from './ipc.js';
import { WindowSignIn } from './windowSignIn.js';
import { registerAppScheme, serveApp } from './protocol.js';
import { allowNavigation, allowNewWindow, allowPermission, APP_ORIGIN, webPreferences } from './security.js';

export function runDesk(e: DeskElectron, proc: DeskProcess): void {
  const { app } = e;
  registerAppScheme(e.protocol);
  // A second start of the app shows the running window instead of a second station on the same record.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // In development the command line is `electron APP_FOLDER …`; an installed app's is `app …`.
  const argv = stationArgsOf(proc.argv.slice(app.isPackaged ? 1 : 2));
  const appRoot = app.getAppPath();
  const rendererDir = join(appRoot, 'dist', 'renderer');
  let win: DeskWindow | null = null;

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
  });

  const fail = (err: unknown): void => {
    const failure = err instanceof StartupError ? err : new StartupError('INTERNAL', STARTUP_TEXT.internal((err as Error).message), { cause: err });
    process.stderr.write(`station: ${failure.code}: ${failure.message}\n`);
    e.dialog.showErrorBox(STARTUP_TEXT.failedTitle, failure.message);
    app.exit(1);
  };

  // The person may choose the other record (example / this area's) on the page: the station
  // stops and boots again on it, and the window loads its pages afresh.
  let reopening: (() => Promise<void>) | null = null;
  const boot = (args: readonly string[]): Promise<BootedStation> => {
    const binding = proc.electronVersion && !app.isPackaged ? electronSqliteBinding(appRoot, proc.electronVersion) : null;
    return bootStation({
      argv: args, env: proc.env, defaultDataDir: app.getPath('userData'), rendererDir, http: 'lan',
      migrationsDir: join(appRoot, 'migrations'), log: (line) => process.stderr.write(`${line}\n`),
      ...(binding && existsSync(binding) ? { sqliteBinding: binding } : {}),
      // An installed app carries ffmpeg and ffprobe in resources/ffmpeg (electron-builder.yml).
      ...(app.isPackaged && proc.resourcesPath ? { shippedTools: join(proc.resourcesPath, 'ffmpeg') } : {}),
      onReopen: () => void reopening?.(),
    });
  };

  const start = async (): Promise<void> => {
    let booted: BootedStation;
    try {
      booted = await boot(argv);
    } catch (err) {
      fail(err);
      return;
    }

    // One sign-in for the window's IPC calls and its app:// media streams.
    const signIn = new WindowSignIn();
    // Read at each request: a reopened record is a new station with its own media service.
    serveApp(e.protocol, rendererDir, { get routes() { return booted.host.media.routes; }, session: () => booted.host.accounts.session(signIn.token) });
    e.session.defaultSession.setPermissionRequestHandler((_wc, permission, done, details) => done(allowPermission({
      permission, from: details.requestingUrl, mediaTypes: 'mediaTypes' in details && Array.isArray(details.mediaTypes) ? details.mediaTypes : [],
    })));
    e.session.defaultSession.setPermissionCheckHandler((_wc, permission, origin, details) => allowPermission({
      permission, from: origin, mediaTypes: details.mediaType ? [details.mediaType] : [],
    }));

    const window = new e.BrowserWindow({
      width: 1366, height: 768, minWidth: 1024, minHeight: 700, title: '办案区管控工作站', show: false,
      webPreferences: webPreferences(join(appRoot, 'dist', 'electron', 'preload.cjs')),
    });
    win = window;
    window.webContents.on('will-navigate', (ev, url) => { if (!allowNavigation(url)) ev.preventDefault(); });
    window.webContents.on('will-redirect', (ev, url) => { if (!allowNavigation(url)) ev.preventDefault(); });
    window.webContents.setWindowOpenHandler(({ url }) => {
      // A link to the outside world opens in the system browser, never inside the desk window.
      if (!allowNewWindow(url) && url.startsWith('https://')) void e.shell.openExternal(url);
      return { action: 'deny' };
    });
    const contents = (): ReturnType<Parameters<typeof serveIpc>[3]> => (window.isDestroyed() ? null : window.webContents);
    let stopIpc = serveIpc(e.ipcMain, booted.host, booted.service, contents, signIn);
    // The window stays the same across a reopen: so does what draws attention to it.
    const stopAttention = serveAttention(e.ipcMain, window, e.Notification);
    reopening = async () => {
      stopIpc();
      const port = booted.serving ? Number(new URL(booted.serving.url).port) : null;
      await booted.stop();
      try {
        booted = await boot(reopenArgs(argv, port));
      } catch (err) {
        fail(err);
        return;
      }
      stopIpc = serveIpc(e.ipcMain, booted.host, booted.service, contents, signIn);
      if (!window.isDestroyed()) await window.loadURL(`${APP_ORIGIN}/`);
    };
    window.once('ready-to-show', () => window.show());
    app.on('window-all-closed', () => {
      stopIpc();
      stopAttention();
      void booted.stop().finally(() => app.quit());
    });
    await window.loadURL(`${APP_ORIGIN}/`);
    for (const w of booted.warnings) void e.dialog.showMessageBox({ type: 'warning', title: STARTUP_TEXT.warningTitle, message: w.message });
  };

  app.whenReady().then(start).catch(fail);
}
