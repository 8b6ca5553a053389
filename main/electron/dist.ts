// npm run dist -- [--targets deb,AppImage,nsis]: the offline installers of the desk application.
// It checks first that everything it must fetch or be given is there — Electron itself,
// better-sqlite3 for Electron, the recording tools to ship — and stops with what is missing and
// what to do rather than failing half-way. Then: the pages and bundles, one staged app per
// platform (dist/app-<platform>-<arch>) with production node_modules and better-sqlite3 rebuilt
// for Electron there, and electron-builder over it (electron-builder.yml).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseArgs, UsageError } from '../cli/args.js';
import { ensureRendererBuilt, REPO_ROOT } from '../host/rendererBuild.js';
import { buildElectron, electronVersion } from './build.js';

type TargetName = 'deb' | 'AppImage' | 'nsis';
interface Target { readonly name: TargetName; readonly platform: 'linux' | 'win32'; readonly os: 'linux' | 'win'; readonly arch: 'x64'; readonly shipsTools: boolean }

const TARGETS: Record<TargetName, Target> = {
  deb: { name: 'deb', platform: 'linux', os: 'linux', arch: 'x64', shipsTools: false },
  AppImage: { name: 'AppImage', platform: 'linux', os: 'linux', arch: 'x64', shipsTools: true },
  nsis: { name: 'nsis', platform: 'win32', os: 'win', arch: 'x64', shipsTools: true },
};

const log = (line: string): void => { process.stderr.write(`dist: ${line}\n`); };

const tool = (name: 'ffmpeg' | 'ffprobe', t: Target): string => (t.platform === 'win32' ? `${name}.exe` : name);

/** Whether a URL answers (a redirect counts: release downloads are redirected to storage). */
async function reachable(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    return res.status < 400 ? null : `HTTP ${res.status}`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return cause ?? (err as Error).message;
  }
}

function electronCacheDir(): string {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** Everything the targets need that must be fetched or given; empty when all is there. */
async function preflight(targets: readonly Target[], version: string): Promise<string[]> {
  const problems: string[] = [];
  const mirror = (process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/').replace(/\/?$/, '/');
  const abi = readFileSync(join(REPO_ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  const sqlite = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
  const headers = `${(process.env.npm_config_disturl ?? 'https://www.electronjs.org/headers').replace(/\/$/, '')}/v${version}/node-v${version}-headers.tar.gz`;
  const ffmpegDir = process.env.STATION_FFMPEG_DIR;
  for (const platform of new Set(targets.map((t) => t.platform))) {
    const t = targets.find((x) => x.platform === platform) as Target;
    const zip = `electron-v${version}-${platform}-${t.arch}.zip`;
    if (!existsSync(join(electronCacheDir(), zip))) {
      const why = await reachable(`${mirror}v${version}/${zip}`);
      if (why) problems.push(`Electron ${version} for ${platform}-${t.arch} cannot be fetched (${mirror}v${version}/${zip}: ${why}). Put ${zip} into ${electronCacheDir()}, or set ELECTRON_MIRROR to a mirror that has it.`);
    }
    const prebuilt = `https://github.com/WiseLibs/better-sqlite3/releases/download/v${sqlite}/better-sqlite3-v${sqlite}-electron-v${abi}-${platform}-${t.arch}.tar.gz`;
    const noPrebuilt = await reachable(prebuilt);
    if (noPrebuilt) {
      const noHeaders = platform === process.platform ? await reachable(headers) : 'native modules cannot be compiled for another system';
      if (noHeaders) problems.push(`better-sqlite3 for Electron ${version} on ${platform}-${t.arch} cannot be had: no prebuilt binary (${prebuilt}: ${noPrebuilt}) and no build from source (${platform === process.platform ? `${headers}: ${noHeaders}` : noHeaders}).`);
    }
  }
  for (const t of targets.filter((x) => x.shipsTools)) {
    if (!ffmpegDir) {
      problems.push(`the ${t.name} installer ships ffmpeg and ffprobe: set STATION_FFMPEG_DIR to a folder holding ${t.os}/${tool('ffmpeg', t)} and ${t.os}/${tool('ffprobe', t)} (see electron-builder.yml).`);
      continue;
    }
    for (const name of ['ffmpeg', 'ffprobe'] as const) {
      const file = join(ffmpegDir, t.os, tool(name, t));
      if (!existsSync(file)) problems.push(`the ${t.name} installer ships ${name}, but ${file} does not exist (STATION_FFMPEG_DIR=${ffmpegDir}).`);
    }
  }
  return [...new Set(problems)];
}

/** The production dependencies' folders, as npm resolved them. */
function productionPackages(): string[] {
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (ls.status !== 0 && !ls.stdout) throw new Error(`npm ls failed: ${ls.stderr}`);
  return ls.stdout.split('\n').map((l) => l.trim()).filter((l) => l && l !== REPO_ROOT.replace(/[\\/]$/, '') && l.includes(`${sep}node_modules${sep}`));
}

/** The app as it will be installed, for one platform, with better-sqlite3 built for Electron on it. */
async function stageApp(t: Target, version: string): Promise<string> {
  const stage = join(REPO_ROOT, 'dist', `app-${t.platform}-${t.arch}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const { name, productName, version: appVersion, description, type, main, dependencies } = pkg;
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name, productName, version: appVersion, description, type, main, dependencies, author: productName }, null, 2));
  for (const dir of ['dist/electron', 'dist/renderer', 'migrations']) cpSync(join(REPO_ROOT, dir), join(stage, dir), { recursive: true });
  for (const dir of productionPackages()) {
    // Native builds for Node stay behind: the staged ones are made for Electron below.
    const nodeBuild = existsSync(join(dir, 'binding.gyp')) ? join(dir, 'build') : null;
    const keep = (p: string): boolean => nodeBuild === null || (p !== nodeBuild && !p.startsWith(`${nodeBuild}${sep}`));
    cpSync(dir, join(stage, relative(REPO_ROOT, dir)), { recursive: true, filter: keep });
  }
  const { rebuild } = await import('@electron/rebuild');
  const nodedir = process.env.npm_config_nodedir;
  delete process.env.npm_config_nodedir; // Electron's headers, not a Node's
  try {
    await rebuild({ buildPath: stage, electronVersion: version, platform: t.platform, arch: t.arch, onlyModules: ['better-sqlite3'], force: true });
  } finally {
    if (nodedir !== undefined) process.env.npm_config_nodedir = nodedir;
  }
  if (!existsSync(join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))) {
    throw new Error(`better-sqlite3 was not built for Electron ${version} on ${t.platform}-${t.arch}`);
  }
  return stage;
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, { targets: 'string' });
  if (args.positional.length) throw new UsageError(`unexpected argument ${args.positional[0] ?? ''}`);
  const names = (args.options.targets ?? 'deb,AppImage,nsis').split(',').map((n) => n.trim());
  const targets = names.map((n) => {
    if (!(n in TARGETS)) throw new UsageError(`unknown target ${n} (deb, AppImage, nsis)`);
    return TARGETS[n as TargetName];
  });
  const version = electronVersion();
  const problems = await preflight(targets, version);
  if (problems.length > 0) {
    log(`cannot build ${names.join(', ')}:`);
    for (const p of problems) log(`  - ${p}`);
    process.exit(1);
  }
  await ensureRendererBuilt(log, true);
  await buildElectron();
  const { build, Platform, Arch } = await import('electron-builder');
  const noTools = mkdtempSync(join(tmpdir(), 'no-ffmpeg-'));
  mkdirSync(join(noTools, 'linux'));
  try {
    for (const platform of new Set(targets.map((t) => t.platform))) {
      const onPlatform = targets.filter((t) => t.platform === platform);
      const stage = await stageApp(onPlatform[0] as Target, version);
      for (const t of onPlatform) {
        // The deb takes the system's ffmpeg (a dependency), so its resources/ffmpeg stays empty.
        const ffmpegDir = t.shipsTools ? process.env.STATION_FFMPEG_DIR : noTools;
        if (ffmpegDir) process.env.STATION_FFMPEG_DIR = ffmpegDir;
        const electronPlatform = platform === 'win32' ? Platform.WINDOWS : Platform.LINUX;
        log(`building ${t.name} from ${stage}`);
        await build({ projectDir: REPO_ROOT, targets: electronPlatform.createTarget([t.name], Arch.x64), config: { directories: { app: stage } } });
      }
    }
  } finally {
    rmSync(noTools, { recursive: true, force: true });
  }
  log(`installers written to ${join(REPO_ROOT, 'release')}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  log(err instanceof UsageError ? `${err.message}\nusage: npm run dist -- [--targets deb,AppImage,nsis]` : ((err as Error).stack ?? String(err)));
  process.exit(err instanceof UsageError ? 2 : 1);
});
