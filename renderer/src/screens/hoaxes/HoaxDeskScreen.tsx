/**
 * The hoax desk (issue 6): rumours citizens forward, grouped into clusters of near-duplicates
 * and ranked by how fast they grow; a supervisor sets the verdict, which then reaches everyone
 * who sent it. The open cluster is in the URL (`#/hoaxes/<id>`).
 */
import { useEffect, useState } from 'react';
import type { ClusterStatus } from '../../../../bot-service/contract/hoax.ts';
import { useSession } from '../../api/session.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useNow } from '../../lib/use-now.ts';
import { useRoute } from '../../routes.ts';
import { ClusterDetail } from './ClusterDetail.tsx';
import { ClusterList } from './ClusterList.tsx';
import { useClusters, useLiveDesk } from './queries.ts';
import './hoaxes.css';

const tabs: Array<[ClusterStatus, MessageKey]> = [
  ['open', 'hoax.tab.open'],
  ['decided', 'hoax.tab.decided'],
  ['all', 'hoax.tab.all'],
];

export function HoaxDeskScreen() {
  const t = useT();
  const { user } = useSession();
  const route = useRoute();
  const now = useNow(30_000);
  const [status, setStatus] = useState<ClusterStatus>('open');
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const query = useClusters(status);
  useLiveDesk();
  const canDecide = user?.role === 'supervisor' || user?.role === 'admin';
  const param = route.name === 'hoaxes' && route.params[0] !== undefined ? Number(route.params[0]) : NaN;
  const clusters = query.data?.clusters ?? [];
  // Nothing chosen: open the fastest-growing cluster.
  const selectedId = Number.isInteger(param) && param > 0 ? param : (clusters[0]?.id ?? null);
  useEffect(() => setTicked(new Set()), [selectedId]);

  let list;
  if (query.isPending) list = <Loading />;
  else if (query.isError) list = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (clusters.length === 0) list = <EmptyState title={t(status === 'decided' ? 'hoax.empty.decided' : 'hoax.empty.title')} hint={t('hoax.empty.hint')} />;
  else
    list = (
      <ClusterList
        clusters={clusters}
        selectedId={selectedId}
        now={now}
        ticked={canDecide ? ticked : null}
        onTick={(id, on) => {
          const next = new Set(ticked);
          if (on) next.add(id);
          else next.delete(id);
          setTicked(next);
        }}
      />
    );

  return (
    <section className="screen hoax-desk" aria-labelledby="hoax-title">
      <div className="screen-header">
        <h1 id="hoax-title">{t('hoax.title')}</h1>
        <span className="muted">{t('hoax.subtitle')}</span>
        <span className="spacer" />
        <div role="tablist" aria-label={t('hoax.tab.label')} className="hoax-tabs">
          {tabs.map(([value, label]) => (
            <button key={value} type="button" role="tab" aria-selected={status === value} onClick={() => setStatus(value)}>
              {t(label)}
            </button>
          ))}
        </div>
      </div>
      <div className="hoax-body">
        <div className="panel hoax-list-panel">{list}</div>
        <div className="panel hoax-detail-panel">
          {selectedId === null ? (
            <EmptyState title={t('hoax.pick.title')} hint={t('hoax.pick.hint')} />
          ) : (
            <ClusterDetail id={selectedId} now={now} canDecide={canDecide} ticked={[...ticked]} clearTicked={() => setTicked(new Set())} />
          )}
        </div>
      </div>
    </section>
  );
}
