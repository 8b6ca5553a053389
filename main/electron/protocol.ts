// app://station/ serves the built pages from one folder with the same CSP as the HTTP server.
import { readStatic } from '../server/staticFiles.js';
import { SECURITY_HEADERS } from '../server/securityHeaders.js';
import type { DeskProtocol } from './electronApis.js';
import { APP_SCHEME, appRequestPath } from './security.js';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: DeskProtocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveApp(protocol: DeskProtocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const path = appRequestPath(rendererDir, request.url);
    const file = path === null ? null : readStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': file.type } });
  });
}
