import pg from 'pg';

/**
 * Sessions and settings in memory on PostgreSQL (issue 18): every signed-in request resolves its
 * session and most read a settings group, and on PostgreSQL each of those was a network round trip
 * costing more than the request's own query. Correct by construction, not by remembering write paths:
 *
 * - The database announces every change to what is cached: triggers (migration 0010) send
 *   `NOTIFY atende_cache, 'auth' | 'settings'` at commit, whoever wrote (a route, the runner, inbound
 *   mail, an integration, psql on another machine).
 * - Every pool connection listens, and PostgreSQL delivers a session's own notifications before its
 *   COMMIT returns: the instance that wrote has dropped its copies before the writing request answers.
 * - A dedicated connection listens for the other instances' commits. While it is down nothing is
 *   served from memory, and when it is back everything cached before is dropped.
 * - An entry is tagged with the generation seen before its read was sent, so a read that raced a
 *   change is never served again. Entries also expire after ENTRY_TTL_MS: the bound on staleness if the
 *   listener's socket died silently.
 */
export type CacheChannel = 'auth' | 'settings';
export const CACHE_CHANNEL = 'atende_cache';
const ENTRY_TTL_MS = 10_000;

interface Entry<T> {
  value: T;
  generation: number;
  storedAt: number;
}

export class PgReadCache {
  /** Whether the other instances' changes are being heard; nothing is served from memory while not. */
  listening = false;
  /** The listener's backend (pg_stat_activity.pid, application_name atende-cache-listener); null while down. */
  listenerPid: number | null = null;
  /** Reads answered from memory (the bench and the tests read it). */
  hits = 0;
  private readonly generations: Record<CacheChannel, number> = { auth: 0, settings: 0 };
  private readonly entries: Record<CacheChannel, Map<string, Entry<unknown>>> = { auth: new Map(), settings: new Map() };
  private readonly changeWaiters = new Set<() => void>();

  invalidate(channel: CacheChannel | string): void {
    if (channel !== 'auth' && channel !== 'settings') return;
    this.generations[channel]++;
    this.entries[channel].clear();
    for (const wake of this.changeWaiters) wake();
  }

  invalidateAll(): void {
    this.invalidate('auth');
    this.invalidate('settings');
  }

  /** `key`'s value from memory, or `read()` from the database (remembered when nothing changed meanwhile). */
  async through<T>(channel: CacheChannel, key: string, read: () => Promise<T>, remember: (value: T) => boolean = () => true): Promise<T> {
    if (!this.listening) return read();
    const now = performance.now();
    const entry = this.entries[channel].get(key) as Entry<T> | undefined;
    if (entry && entry.generation === this.generations[channel] && now - entry.storedAt < ENTRY_TTL_MS) {
      this.hits++;
      return entry.value;
    }
    const generation = this.generations[channel];
    const value = await read();
    if (this.listening && generation === this.generations[channel] && remember(value)) {
      this.entries[channel].set(key, { value, generation, storedAt: now });
    }
    return value;
  }

  /** Changes a remembered value in place (a write whose effect this instance knows exactly). */
  update<T>(channel: CacheChannel, key: string, change: (value: T) => T): void {
    const entry = this.entries[channel].get(key) as Entry<T> | undefined;
    if (entry) entry.value = change(entry.value);
  }

  forget(channel: CacheChannel, key: string): void {
    this.entries[channel].delete(key);
  }

  /** Resolves at the next change heard (tests: another instance's commit reaching this one). */
  nextChange(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.changeWaiters.delete(wake);
        resolve();
      };
      this.changeWaiters.add(wake);
    });
  }
}

/**
 * The dedicated listener: other instances' commits. Reconnects after a failure (at most every 2 s);
 * `close()` ends it for good.
 */
export function listenForOtherInstances(url: string, cache: PgReadCache, onError: (error: Error) => void = () => undefined): { ready: Promise<void>; close: () => Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const lost = (error: Error) => {
    cache.listening = false;
    cache.listenerPid = null;
    cache.invalidateAll();
    if (closed) return;
    onError(error);
    client?.removeAllListeners();
    client?.end().catch(() => undefined);
    client = null;
    retry ??= setTimeout(() => {
      retry = null;
      void connect();
    }, 2_000);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'atende-cache-listener' });
    client = next;
    next.on('error', lost);
    next.on('end', () => lost(new Error('the cache listener connection ended')));
    next.on('notification', (message) => {
      if (message.channel === CACHE_CHANNEL) cache.invalidate(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CACHE_CHANNEL}`);
      if (closed || client !== next) return;
      // Whatever changed while nobody listened is unknown: start from nothing.
      cache.invalidateAll();
      cache.listenerPid = (next as unknown as { processID: number | null }).processID;
      cache.listening = true;
      markReady();
    } catch (error) {
      if (client === next) lost(error as Error);
    }
  };
  void connect();

  return {
    ready,
    close: async () => {
      closed = true;
      cache.listening = false;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      last?.removeAllListeners();
      await last?.end().catch(() => undefined);
    },
  };
}
