// Whether this machine has a usable Electron binary (the npm package installs without it where
// downloads are impossible).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The path of the Electron binary, or null with the reason it is not usable. */
export function findElectron(): { path: string } | { path: null; reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string') return { path: null, reason: 'the electron package did not name a binary' };
    if (!existsSync(path)) return { path: null, reason: `the Electron binary ${path} does not exist` };
    return { path };
  } catch (err) {
    return { path: null, reason: (err as Error).message.split('\n')[0] ?? 'electron is not installed' };
  }
}
