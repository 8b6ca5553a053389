// Headers on every answer: a strict content security policy (the pages load nothing but their own
// scripts and talk only to their own origin; video plays from the blob: URLs of Media Source
// Extensions) and the usual hardening.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "media-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  // The camera for the station's own pages only (登记照片 from the desk computer's camera); no microphone, no location.
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};

/**
 * Cross-site request forgery: a state-changing request must come from this origin. Browsers
 * always send Origin on POST; a request without it comes from a program, not a page.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined, secure: boolean): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  return origin === `${secure ? 'https' : 'http'}://${host}`;
}
