// The built pages. A fresh checkout has none, so the station builds them once (a few seconds)
// rather than serving nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');

export async function ensureRendererBuilt(log: (line: string) => void, force = false): Promise<string> {
  if (!force && existsSync(join(RENDERER_DIST, 'index.html'))) return RENDERER_DIST;
  log('station: building the pages (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return RENDERER_DIST;
}
