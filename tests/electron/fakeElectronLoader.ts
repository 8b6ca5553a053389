// `node --import tsx --import ./tests/electron/fakeElectronLoader.ts dist/electron/main.mjs …`:
// the built Electron main module under Node, with 'electron' resolved to a scripted fake.
import { register } from 'node:module';

register('./fakeElectronHook.ts', import.meta.url);
