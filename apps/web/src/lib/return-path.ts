/**
 * Where to go after signing in: the page the visitor opened while signed out (`/entrar?voltar=…`).
 * Only a path of this site is accepted, never another origin (no open redirect): `//evil.example`,
 * `/\evil.example`, `https://…` and anything the URL parser resolves elsewhere are refused.
 */
export const RETURN_PARAM = 'voltar';

export function safeReturnPath(raw: string | null | undefined, origin: string): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  // Back to the sign-in page would be a loop.
  if (url.pathname === '/entrar') return null;
  return url.pathname + url.search + url.hash;
}

/** The sign-in address that brings the visitor back to `here` afterwards. */
export function loginPathReturningTo(loginPath: string, here: string): string {
  if (here === '/' || here.startsWith(loginPath)) return loginPath;
  return `${loginPath}?${new URLSearchParams({ [RETURN_PARAM]: here }).toString()}`;
}
