// The desk application: one window showing the station's pages over app://, the station core in
// this process, and the HTTP server for supervisors' browsers. Only this folder imports electron.
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { ApiService } from '../api/service.js';
import { loadConfig } from '../host/config.js';
import { StationHost } from '../host/stationHost.js';
import { createServer } from '../server/http.js';
import { serveIpc } from './ipc.js';
import { registerAppScheme, serveApp } from './protocol.js';
import { allowNavigation, allowNewWindow, allowPermission, APP_ORIGIN, webPreferences } from './security.js';

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');

async function start(): Promise<void> {
  const configPath = process.env.STATION_CONFIG;
  const config = configPath ? loadConfig(configPath) : null;
  const host = new StationHost({ dataDir: process.env.STATION_DATA ?? join(app.getPath('userData'), 'data'), config, migrationsDir: join(appRoot, 'migrations') });
  host.startDevices();
  const service = new ApiService(host);
  const server = createServer(host, { rendererDir });
  await server.listen({ port: config?.server.port ?? 8620, host: config?.server.lan ? '0.0.0.0' : '127.0.0.1' });

  serveApp(rendererDir);
  session.defaultSession.setPermissionRequestHandler((_wc, permission, done) => done(allowPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));

  const win = new BrowserWindow({
    width: 1366, height: 768, minWidth: 1024, minHeight: 700, title: '办案区管控工作站', show: false,
    webPreferences: webPreferences(join(appRoot, 'dist', 'electron', 'preload.cjs')),
  });
  win.webContents.on('will-navigate', (e, url) => { if (!allowNavigation(url)) e.preventDefault(); });
  win.webContents.on('will-redirect', (e, url) => { if (!allowNavigation(url)) e.preventDefault(); });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // A link to the outside world opens in the system browser, never inside the desk window.
    if (!allowNewWindow(url) && url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const stopIpc = serveIpc(host, service, () => (win.isDestroyed() ? null : win.webContents));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/`);

  app.on('window-all-closed', () => {
    stopIpc();
    void server.close().then(() => host.stopDevices()).finally(() => { host.close(); app.quit(); });
  });
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.whenReady().then(start).catch((err: unknown) => {
  process.stderr.write(`station: ${(err as Error).stack ?? String(err)}\n`);
  app.exit(1);
});
