import { useI18n } from '../lib/i18n/i18n.js';

/** "Carregar mais" under a keyset-paginated list; says it is loading while the next page comes. */
export function LoadMoreButton(props: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  const { t } = useI18n();
  if (!props.hasMore) return null;
  return (
    <button type="button" className="load-more" onClick={props.onLoadMore} disabled={props.loading}>
      {props.loading ? t('list.loading') : t('list.loadMore')}
    </button>
  );
}
