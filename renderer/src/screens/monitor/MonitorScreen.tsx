/**
 * The live monitor: every conversation as it happens, filterable, with a transcript on click.
 * Rows update where they are; new conversations arrive on top without moving what you read.
 */
import { useCallback, useRef, useState } from 'react';
import type { ConversationSummary } from '../../../../bot-service/contract/conversations.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useT } from '../../i18n/index.tsx';
import { navigate } from '../../routes.ts';
import '../../conversation/conversation.css';
import { ConversationPanel } from './ConversationPanel.tsx';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow.tsx';
import { Filters } from './Filters.tsx';
import { useLiveConversationList, type MonitorFilters } from './use-live-list.ts';
import './monitor.css';

const keyOf = (item: ConversationSummary) => item.id;

export function MonitorScreen({ conversationId }: { conversationId: number | null }) {
  const t = useT();
  const [filters, setFilters] = useState<MonitorFilters>({});
  const { query, items, flashing } = useLiveConversationList(filters);
  const [unseen, setUnseen] = useState(0);
  const scrollToTop = useRef<(() => void) | null>(null);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const renderRow = useCallback(
    (item: ConversationSummary, _index: number, state: { selected: boolean }) => (
      <ConversationRow conversation={item} flashing={flashing.has(item.id)} selected={state.selected} />
    ),
    [flashing]
  );

  const filtered = Object.values(filters).some(v => v !== undefined);

  let list;
  if (query.isPending) list = <Loading />;
  else if (query.isError) list = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (items.length === 0)
    list = filtered ? (
      <EmptyState title={t('monitor.empty.filtered')} hint={t('monitor.empty.filteredHint')} />
    ) : (
      <EmptyState title={t('monitor.empty.title')} hint={t('monitor.empty.hint')} />
    );
  else
    list = (
      <VirtualList
        items={items}
        rowHeight={ROW_HEIGHT}
        getKey={keyOf}
        renderRow={renderRow}
        selectedKey={conversationId}
        onOpen={item => navigate('monitor', item.id)}
        onEndReached={loadMore}
        onUnseenAboveChange={setUnseen}
        scrollToTopRef={scrollToTop}
        ariaLabel={t('monitor.list')}
        className="monitor-vlist"
      />
    );

  return (
    <section className="screen monitor" aria-labelledby="monitor-title">
      <div className="screen-header">
        <h1 id="monitor-title">{t('monitor.title')}</h1>
        <span className="muted" data-testid="monitor-count">
          {t('monitor.loaded', { count: items.length })}
          {hasNextPage ? ` · ${t('monitor.scrollForMore')}` : ''}
        </span>
        <span className="spacer" />
      </div>
      <Filters
        value={filters}
        onChange={next => {
          setUnseen(0);
          setFilters(next);
        }}
      />
      <div className="monitor-body">
        <div className="panel monitor-list">
          {unseen > 0 ? (
            <button type="button" className="new-pill monitor-new" onClick={() => scrollToTop.current?.()}>
              {t('monitor.newAbove', { count: unseen })} ↑
            </button>
          ) : null}
          {list}
          {isFetchingNextPage ? <Loading inline label={t('monitor.loadingMore')} /> : null}
        </div>
        <div className="panel monitor-detail">
          <ConversationPanel conversationId={conversationId} />
        </div>
      </div>
    </section>
  );
}
