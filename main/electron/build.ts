// Builds what the desk app runs in development: the Electron main process (ESM) and the preload
// (CommonJS, as a sandboxed preload must be) bundled into dist/electron — dependencies stay in
// node_modules, native modules cannot be bundled — and better-sqlite3 for Electron's ABI, kept
// in a folder of its own (node_modules/.electron-native) so that node_modules keeps the build
// for Node that the tests and the headless station load.
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { electronSqliteBinding } from '../host/electronNative.js';
import { REPO_ROOT } from '../host/rendererBuild.js';

export async function buildElectron(): Promise<void> {
  const out = join(REPO_ROOT, 'dist', 'electron');
  await build({
    entryPoints: [join(REPO_ROOT, 'main/electron/main.ts')], outfile: join(out, 'main.mjs'), bundle: true, platform: 'node',
    format: 'esm', target: 'node24', packages: 'external', sourcemap: true, logLevel: 'warning',
  });
  await build({
    entryPoints: [join(REPO_ROOT, 'main/electron/preload.ts')], outfile: join(out, 'preload.cjs'), bundle: true, platform: 'node',
    format: 'cjs', target: 'node24', external: ['electron'], sourcemap: false, logLevel: 'warning',
  });
}

/** The version of the Electron package installed here. */
export function electronVersion(root = REPO_ROOT): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * better-sqlite3 built for this machine's Electron, once: its sources are copied to a scratch
 * folder and rebuilt there with @electron/rebuild (a prebuilt binary if one can be downloaded,
 * else a compile against Electron's headers), and only the addon is kept.
 */
export async function buildElectronSqlite(log: (line: string) => void, root = REPO_ROOT): Promise<string> {
  const version = electronVersion(root);
  const target = electronSqliteBinding(root, version);
  if (existsSync(target)) return target;
  log(`start: building better-sqlite3 for Electron ${version} (once, into ${dirname(target)})…`);
  const stage = mkdtempSync(join(tmpdir(), 'electron-native-'));
  try {
    const source = join(root, 'node_modules', 'better-sqlite3');
    const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
    const copy = join(stage, 'node_modules', 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (path) => !path.startsWith(`${join(source, 'build')}${sep}`) && path !== join(source, 'build') });
    writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': pkg.version } }));
    const { rebuild } = await import('@electron/rebuild');
    // node-gyp builds against a nodedir when one is given (npm passes the npmrc's on to scripts),
    // whatever the target: the build must fetch Electron's own headers instead.
    const nodedir = process.env.npm_config_nodedir;
    delete process.env.npm_config_nodedir;
    try {
      await rebuild({ buildPath: stage, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
    } finally {
      if (nodedir !== undefined) process.env.npm_config_nodedir = nodedir;
    }
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (loadsInThisNode(built)) throw new Error(`the build of better-sqlite3 at ${built} is for Node ${process.versions.node}, not for Electron ${version}`);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    return target;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Whether an addon loads in this Node: one built for Electron's ABI does not. */
function loadsInThisNode(addon: string): boolean {
  try {
    process.dlopen({ exports: {} }, addon);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1]?.endsWith('build.ts')) await buildElectron();
