// app://station/ serves the built pages from one folder with the same CSP as the HTTP server, and
// the station's media streams under /api/media/ (mediaProtocol.ts).
import { readStatic } from '../server/staticFiles.js';
import { SECURITY_HEADERS } from '../server/securityHeaders.js';
import type { DeskProtocol } from './electronApis.js';
import { isMediaRequest, mediaResponse, type WindowMedia } from './mediaProtocol.js';
import { APP_SCHEME, appRequestPath, isAppUrl } from './security.js';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: DeskProtocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveApp(protocol: DeskProtocol, rendererDir: string, media?: WindowMedia): void {
  protocol.handle(APP_SCHEME, (request) => {
    if (media && isAppUrl(request.url) && isMediaRequest(new URL(request.url))) return mediaResponse(media, request);
    const path = appRequestPath(rendererDir, request.url);
    const file = path === null ? null : readStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': file.type } });
  });
}
