// Native modules for the two runtimes: npm builds better-sqlite3 for Node (the tests, the headless
// station); the desk window in development loads a build for Electron's ABI kept in its own
// folder, so that starting the window never breaks a later `npm test`. (serialport ships N-API
// builds that load in both.) An installed app carries the build electron-builder made for it.
import { join } from 'node:path';

/** Where `npm start` keeps better-sqlite3 built for one Electron version on this machine. */
export function electronSqliteBinding(root: string, electronVersion: string, platform = process.platform, arch = process.arch): string {
  return join(root, 'node_modules', '.electron-native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}
