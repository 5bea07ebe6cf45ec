import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('a relative DATA_DIR is taken from where the command was typed, not from the package pnpm runs in', () => {
    expect(loadConfig({ DATA_DIR: './data', INIT_CWD: '/srv/atende' }).databaseFile).toBe('/srv/atende/data/atende.db');
    expect(loadConfig({ DATA_DIR: '/var/lib/atende' , INIT_CWD: '/srv/atende' }).databaseFile).toBe('/var/lib/atende/atende.db');
  });

  it('a bad setting stops the server with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('production refuses to start with one message listing every missing setting', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PUBLIC_ORIGIN: required in production/);
    expect(problems[1]).toMatch(/^SMTP_URL: .*MAIL_MODE=mailbox/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/fix these settings:\n {2}- PUBLIC_ORIGIN.*\n {2}- SMTP_URL/);
  });

  it('invalid settings are listed too, not only missing ones', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'atende.example.com', SMTP_URL: 'mail.example.com' });
    expect(problems).toEqual([expect.stringMatching(/^PUBLIC_ORIGIN: "atende.example.com" is not/), 'SMTP_URL: must start with smtp:// or smtps://']);
    expect(problemsOf({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://atende.example.com/painel', MAIL_MODE: 'mailbox' })).toEqual([
      expect.stringMatching(/without a path/),
    ]);
  });

  it('production with SMTP_URL delivers and never shows account links in the mailbox', () => {
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://atende.example.com/', SMTP_URL: 'smtp://u:p@mail:587' });
    expect(config.mailMode).toBe('smtp');
    expect(config.publicUrl).toBe('https://atende.example.com');
    expect(config.mailboxShowsAccountLinks).toBe(false);
  });

  it('production with an explicit MAIL_MODE=mailbox starts, delivers nothing and still hides account links', () => {
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://atende.example.com', MAIL_MODE: 'mailbox', SMTP_URL: 'smtp://u:p@mail:587' });
    expect(config.mailMode).toBe('mailbox');
    expect(config.smtpUrl).toBeNull();
    expect(config.mailboxShowsAccountLinks).toBe(false);
  });

  it('development without SMTP keeps the mailbox with its links, so a demo can follow them', () => {
    const config = loadConfig({});
    expect(config.mailMode).toBe('mailbox');
    expect(config.mailboxShowsAccountLinks).toBe(true);
  });
});
