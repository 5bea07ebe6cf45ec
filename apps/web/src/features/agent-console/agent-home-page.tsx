import { ORIGINS, PRIORITIES, TICKET_STATUSES } from '@atende/domain';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Tabs } from '../../components/tabs.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { useAgentOptions } from '../../lib/agent-options.js';
import { AGENT_QUEUES, useAgentTickets, type AgentQueue, type QueueQuery } from './agent-api.js';
import { BulkBar } from './bulk-bar.js';
import { rememberQueue, ShortcutHelp } from './keyboard-shortcuts.js';
import { QueueSearch, SEARCH_MAX } from './queue-search.js';
import { QueueTable } from './queue-table.js';

/** The agent console: queues with counts, filters and sort; all state in the URL so it survives reloads. */
export function AgentHomePage() {
  const { t } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const queue = (AGENT_QUEUES as readonly string[]).includes(params.get('fila') ?? '') ? (params.get('fila') as AgentQueue) : 'all';
  const filters: QueueQuery = {
    queue,
    sort: params.get('ordem') === 'due' ? 'due' : params.get('ordem') === 'priority' ? 'priority' : 'updated',
    ...(params.get('situacao') ? { status: params.get('situacao') as QueueQuery['status'] } : {}),
    ...(params.get('prioridade') ? { priority: params.get('prioridade') as QueueQuery['priority'] } : {}),
    ...(params.get('origem') ? { origin: params.get('origem') as QueueQuery['origin'] } : {}),
    ...(Number(params.get('departamento')) > 0 ? { departmentId: Number(params.get('departamento')) } : {}),
    ...(Number(params.get('responsavel')) > 0 ? { assigneeId: Number(params.get('responsavel')) } : {}),
    // The company filter comes from the directory ("Ver chamados na fila"): companies are too many for a list.
    ...(Number(params.get('empresa')) > 0 ? { companyId: Number(params.get('empresa')) } : {}),
    ...(params.get('busca')?.trim() ? { q: params.get('busca')!.trim().slice(0, SEARCH_MAX) } : {}),
  };
  const options = useAgentOptions();
  const query = useAgentTickets(filters);
  const counts = query.data?.pages[0]?.counts;
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // j/k on a ticket page walk this list.
  useEffect(() => rememberQueue(rows.map((r) => r.id)), [rows]);
  const focusRow = (step: 1 | -1) => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.queue-list a.queue-link')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    links[at === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step))]?.focus();
  };
  const setParam = (name: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  return (
    <section aria-labelledby="console-title">
      <div className="workspace-top">
        <h1 id="console-title">{t('agent.title')}</h1>
        <ShortcutHelp extra={{ j: () => focusRow(1), k: () => focusRow(-1) }} />
      </div>
      <QueueSearch key={filters.q ?? ''} value={filters.q ?? ''} onSearch={(q) => setParam('busca', q)} />
      <div className="filters" role="group" aria-label={t('filter.label')}>
        <label>
          {t('filter.status')}
          <select value={filters.status ?? ''} onChange={(e) => setParam('situacao', e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.priority')}
          <select value={filters.priority ?? ''} onChange={(e) => setParam('prioridade', e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.origin')}
          <select value={filters.origin ?? ''} onChange={(e) => setParam('origem', e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {ORIGINS.map((o) => (
              <option key={o} value={o}>
                {t(`origin.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.department')}
          <select value={filters.departmentId ?? ''} onChange={(e) => setParam('departamento', e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {options.data?.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.assignee')}
          <select value={filters.assigneeId ?? ''} onChange={(e) => setParam('responsavel', e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {options.data?.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sort.label')}
          <select value={filters.sort} onChange={(e) => setParam('ordem', e.target.value === 'updated' ? '' : e.target.value)}>
            <option value="updated">{t('sort.updated')}</option>
            <option value="due">{t('sort.due')}</option>
            <option value="priority">{t('sort.priority')}</option>
          </select>
        </label>
      </div>
      {filters.companyId && (
        <p className="notice" role="status">
          {t('filter.companyActive', { name: params.get('empresaNome') ?? `#${filters.companyId}` })}{' '}
          <button type="button" onClick={() => setParams((prev) => { const next = new URLSearchParams(prev); next.delete('empresa'); next.delete('empresaNome'); return next; })}>
            {t('filter.clearCompany')}
          </button>
        </p>
      )}
      <Tabs
        label={t('queue.label')}
        idPrefix="queue"
        selected={queue}
        onSelect={(key) => setParam('fila', key === 'all' ? '' : key)}
        items={AGENT_QUEUES.map((key) => ({
          key,
          label: (
            <>
              {t(`queue.${key}`)} <span className="count">{counts ? (counts[key] >= 1000 ? '1000+' : counts[key]) : '…'}</span>
            </>
          ),
        }))}
      >
        {/* Busy while a refetch runs, so assistive tech (and tests) know the list may still change. */}
        <div className="queue-list" aria-busy={query.isFetching}>
        {query.isPending ? (
          <p role="status">{t('list.loading')}</p>
        ) : query.error ? (
          <ErrorMessage error={query.error} />
        ) : (
          <>
          <BulkBar selected={rows.filter((r) => selected.has(r.id))} onDone={() => setSelected(new Set())} />
          <QueueTable
            caption={t(`queue.${queue}`)}
            rows={rows}
            selected={selected}
            onToggle={(id, on) => setSelected((prev) => { const next = new Set(prev); if (on) next.add(id); else next.delete(id); return next; })}
            onToggleAll={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())}
            linkTo={paths.agentTicket}
            hasMore={query.hasNextPage}
            loadingMore={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
          </>
        )}
        </div>
      </Tabs>
    </section>
  );
}
