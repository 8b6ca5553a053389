// The window's security decisions as small pure functions, each with a table test. The pages are
// served from app://station/ only; everything else is refused.
import { resolveInside } from '../server/staticFiles.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface WindowSecurity {
  readonly contextIsolation: true; readonly sandbox: true; readonly nodeIntegration: false; readonly nodeIntegrationInWorker: false;
  readonly webSecurity: true; readonly allowRunningInsecureContent: false; readonly webviewTag: false; readonly spellcheck: false;
  /** The critical alarm's tone must sound after a reload or a restart, before anyone touches the page. */
  readonly autoplayPolicy: 'no-user-gesture-required';
  readonly preload: string;
}

export function webPreferences(preload: string): WindowSecurity {
  return {
    contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true,
    allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, autoplayPolicy: 'no-user-gesture-required', preload,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only pages of the app itself; a link to anywhere else is neither followed nor opened. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

export const allowNavigation = (url: string): boolean => isAppUrl(url);

/** New windows are never opened (window.open, target=_blank). */
export const allowNewWindow = (_url: string): boolean => false;

/** What a page asks for: the permission, the page that asks, and for `media` the kinds of media. */
export interface PermissionAsk {
  readonly permission: string;
  /** The requesting page's URL or origin. */
  readonly from: string;
  readonly mediaTypes: readonly string[];
}

/**
 * Only the camera (video, no sound), and only for the app's own pages: the 登记照片 taken with a
 * USB camera in the desk window. The microphone, notifications, geolocation, the clipboard…: the
 * desk needs none of them, and no other page gets anything.
 */
export function allowPermission(ask: PermissionAsk): boolean {
  if (ask.permission !== 'media' || !isAppUrl(ask.from)) return false;
  return ask.mediaTypes.length > 0 && ask.mediaTypes.every((t) => t === 'video');
}

/** IPC is answered only for frames that show the app's own pages. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl);
}

/** The file an app:// request names inside the pages folder, or null (outside it, other host). */
export function appRequestPath(root: string, url: string): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return null;
  return resolveInside(root, u.pathname);
}
