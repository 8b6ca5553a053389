// Serving the built pages from one folder. The path check is shared with Electron's app://
// protocol: a request may never reach a file outside the folder (no ../, no absolute paths, no
// encoded tricks).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
  '.wav': 'audio/wav', '.mp3': 'audio/mpeg',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file a URL path names inside `root`, or null when it would leave `root` or is malformed. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const rel = relative(base, target);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return target;
}

export interface StaticFile { readonly body: Buffer; readonly type: string }

/** A file of the page bundle; unknown paths without an extension get index.html (client routes). */
export function readStatic(root: string, urlPath: string): StaticFile | null {
  const target = resolveInside(root, urlPath);
  if (target === null) return null;
  const file = existsSync(target) && statSync(target).isFile() ? target : extname(target) === '' ? join(resolve(root), 'index.html') : null;
  if (file === null || !existsSync(file)) return null;
  return { body: readFileSync(file), type: contentType(file) };
}
