// What the built main module gets as 'electron' in bundle.test.ts: the typed fake, with a user
// who, once the window is up, asks the station over IPC whether it must be set up, then closes
// the window. The outcome is printed as one JSON line.
import { fakeElectron } from './fakeElectron.js';

const fake = fakeElectron({ userData: process.env.FAKE_USERDATA ?? '', appPath: process.env.FAKE_APP_PATH ?? '' });

void fake.outcome.then(async (outcome) => {
  const setupState = outcome === 'window' ? await fake.invoke('setupState') : null;
  process.stdout.write(`${JSON.stringify({ outcome, setupState, errorBoxes: fake.errorBoxes })}\n`);
  if (outcome === 'window') {
    fake.emitApp('window-all-closed');
    await fake.quit;
  }
  process.exit(0);
});

export const { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session, shell } = fake.module;
