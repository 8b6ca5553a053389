// The Electron main module: hands Electron and the process to the desk application.
// Only main/electron imports electron.
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session, shell } from 'electron';
import { runDesk } from './desk.js';

runDesk(
  { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session, shell },
  { argv: process.argv, env: process.env, resourcesPath: process.resourcesPath, electronVersion: process.versions.electron },
);
