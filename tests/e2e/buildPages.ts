// Builds the pages the station serves (vite build into dist/renderer).
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export default async function buildPages(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
