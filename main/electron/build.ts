// Bundles the Electron main process (ESM) and the preload (CommonJS, as a sandboxed preload must
// be) into dist/electron. Dependencies stay in node_modules (native modules cannot be bundled).
import { build } from 'esbuild';
import { join } from 'node:path';
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

if (process.argv[1]?.endsWith('build.ts')) await buildElectron();
