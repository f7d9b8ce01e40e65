/**
 * One cluster: its figures, where its senders are, what it says, how far the clarification got,
 * the verdict form, merging the ticked clusters into it, and its claims.
 */
import type { ClusterDetail as Detail, Reached } from '../../../../bot-service/contract/hoax.ts';
import { Button } from '../../components/Button.tsx';
import { describeError, ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { showToast } from '../../components/Toast.tsx';
import { localeOf, useLang, useT, type MessageKey } from '../../i18n/index.tsx';
import { dateTime } from '../../lib/time.ts';
import { navigate } from '../../routes.ts';
import { ClaimsTable } from './ClaimsTable.tsx';
import { percent, verdictLabel, verdictTone } from './labels.ts';
import { useCluster, useMerge } from './queries.ts';
import { RegionMiniMap } from './RegionMiniMap.tsx';
import { VerdictForm } from './VerdictForm.tsx';

const reachedOrder: Array<[keyof Reached, MessageKey]> = [
  ['read', 'hoax.reached.read'],
  ['delivered', 'hoax.reached.delivered'],
  ['sent', 'hoax.reached.sent'],
  ['queued', 'hoax.reached.queued'],
  ['answeredByBot', 'hoax.reached.answeredByBot'],
  ['notDeliverable', 'hoax.reached.notDeliverable'],
  ['failed', 'hoax.reached.failed'],
  ['pending', 'hoax.reached.pending'],
];

function ReachedCounts({ reached }: { reached: Reached }) {
  const t = useT();
  return (
    <section className="hoax-reached" aria-labelledby="reached-title" data-testid="hoax-reached">
      <h3 id="reached-title">{t('hoax.reached.title', { count: reached.senders })}</h3>
      <dl>
        {reachedOrder.map(([key, label]) => (
          <div key={key} data-kind={key} className={reached[key] > 0 ? '' : 'zero'}>
            <dt>{t(label)}</dt>
            <dd data-testid={`reached-${key}`}>{reached[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function MergeBar({ id, ticked, onDone }: { id: number; ticked: readonly number[]; onDone: () => void }) {
  const t = useT();
  const merge = useMerge();
  if (ticked.length === 0) return null;
  return (
    <div className="hoax-merge" role="region" aria-label={t('hoax.merge.label')}>
      <span>{t('hoax.merge.hint', { count: ticked.length, id })}</span>
      <Button
        size="sm"
        variant="primary"
        busy={merge.isPending}
        onClick={() =>
          merge.mutate(
            { id, body: { clusterIds: [...ticked] } },
            {
              onSuccess: result => {
                onDone();
                showToast(t('hoax.merge.done', { count: result.movedClaims, id }));
              },
              onError: e => {
                const { title, hint } = describeError(t, e);
                showToast(`${title} ${hint}`, 'danger');
              },
            }
          )
        }
      >
        {t('hoax.merge.action', { count: ticked.length, id })}
      </Button>
    </div>
  );
}

function Figures({ detail }: { detail: Detail }) {
  const t = useT();
  const { lang } = useLang();
  const c = detail.cluster;
  const items: Array<[MessageKey, string]> = [
    ['hoax.stat.sendersTitle', String(c.senders)],
    ['hoax.stat.claimsTitle', String(c.claims)],
    ['hoax.stat.lastHour', `+${c.growth.lastHour}`],
    ['hoax.stat.lastDay', `+${c.growth.lastDay}`],
    ['hoax.stat.forwardedShare', percent(c.forwardedShare)],
    ['hoax.stat.frequentShare', percent(c.frequentlyForwardedShare)],
  ];
  return (
    <>
      <dl className="hoax-figures">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted hoax-seen">
        {t('hoax.seen', { first: dateTime(c.firstSeen, localeOf(lang)), last: dateTime(c.lastSeen, localeOf(lang)) })}
      </p>
    </>
  );
}

export function ClusterDetail({ id, now, canDecide, ticked, clearTicked }: { id: number; now: number; canDecide: boolean; ticked: readonly number[]; clearTicked: () => void }) {
  const t = useT();
  const query = useCluster(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const c = detail.cluster;
  if (detail.mergedInto !== null) {
    return (
      <div className="state" role="status">
        <div className="state-title">{t('hoax.merged', { id: detail.mergedInto })}</div>
        <Button size="sm" onClick={() => navigate('hoaxes', detail.mergedInto!)}>
          {t('hoax.merged.open', { id: detail.mergedInto })}
        </Button>
      </div>
    );
  }
  return (
    <article className="hoax-detail" aria-labelledby="hoax-detail-title" data-testid="hoax-detail">
      <header className="hoax-detail-head">
        <h2 id="hoax-detail-title">{t('hoax.cluster', { id: c.id })}</h2>
        {c.verdict !== null ? <StatusBadge tone={verdictTone[c.verdict.verdict]}>{t(verdictLabel[c.verdict.verdict])}</StatusBadge> : null}
        {c.matchedHoax !== null ? (
          <StatusBadge tone="neutral" title={c.matchedHoax.claim}>
            {t('hoax.knownAs', { id: c.matchedHoax.id })}
          </StatusBadge>
        ) : null}
      </header>
      {canDecide ? <MergeBar id={c.id} ticked={ticked} onDone={clearTicked} /> : null}
      <div className="hoax-detail-grid">
        <div>
          <Figures detail={detail} />
          <section aria-labelledby="samples-title" className="hoax-samples">
            <h3 id="samples-title">{t('hoax.samples')}</h3>
            {detail.samples.length === 0 ? <p className="muted">{t('hoax.sample.file')}</p> : null}
            <ul>
              {detail.samples.map((s, i) => (
                <li key={i}>
                  <blockquote>{s.text}</blockquote>
                  <span className="muted">{t('hoax.sample.count', { count: s.claims })}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div>
          <h3>{t('hoax.region.title')}</h3>
          <RegionMiniMap regions={c.regions} />
          <ReachedCounts reached={c.reached} />
        </div>
      </div>
      {canDecide ? (
        <VerdictForm cluster={c} />
      ) : c.verdict !== null ? (
        <section className="hoax-verdict">
          <h3>{t('hoax.form.title')}</h3>
          <p>{c.verdict.clarification}</p>
          {c.verdict.source !== null ? <p className="muted">{t('hoax.form.sourceIs', { source: c.verdict.source })}</p> : null}
        </section>
      ) : null}
      <ClaimsTable clusterId={c.id} claims={detail.claims} total={c.claims} canSplit={canDecide} now={now} />
    </article>
  );
}
