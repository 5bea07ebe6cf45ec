import { describe, expect, it } from 'vitest';
import { loginPathReturningTo, safeReturnPath } from './return-path.js';

const ORIGIN = 'https://atende.example';

describe('safeReturnPath', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturnPath('/painel/chamados/12', ORIGIN)).toBe('/painel/chamados/12');
    expect(safeReturnPath('/painel?aba=all', ORIGIN)).toBe('/painel?aba=all');
  });

  it.each([
    ['protocol-relative', '//evil.example/painel'],
    ['backslash', '/\\evil.example'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['tab smuggled into //', '/\t/evil.example'],
    ['relative', 'painel'],
    ['empty', ''],
  ])('refuses a %s target', (_what, raw) => {
    expect(safeReturnPath(raw, ORIGIN)).toBeNull();
  });

  it('refuses a missing target and the sign-in page itself', () => {
    expect(safeReturnPath(null, ORIGIN)).toBeNull();
    expect(safeReturnPath('/entrar?voltar=/painel', ORIGIN)).toBeNull();
  });
});

describe('loginPathReturningTo', () => {
  it('names the page to come back to', () => {
    expect(loginPathReturningTo('/entrar', '/painel/chamados/7')).toBe('/entrar?voltar=%2Fpainel%2Fchamados%2F7');
  });

  it('adds nothing for the home page or the sign-in page', () => {
    expect(loginPathReturningTo('/entrar', '/')).toBe('/entrar');
    expect(loginPathReturningTo('/entrar', '/entrar')).toBe('/entrar');
  });
});
