/**
 * The Content-Security-Policy for the app's pages, served by the `app://` protocol in Electron and
 * by the browser bridge, so the e2e tests in Chromium catch a policy that breaks the UI.
 * Styles allow 'unsafe-inline': Vuetify injects its theme as a <style> element and Vue writes
 * style attributes; scripts stay 'self' only (no inline script, no eval).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
