import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.js';

/** `__Host-` binds the cookie to this exact origin over HTTPS; plain name in development over http. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-atende_session' : 'atende_session';
}

/** 256 bits from the CSPRNG; only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function readSessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c.get('deps').config.secureCookies));
}

export function writeSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  const secure = c.get('deps').config.secureCookies;
  setCookie(c, sessionCookieName(secure), token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = c.get('deps').config.secureCookies;
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure });
}
