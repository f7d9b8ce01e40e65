/**
 * A cluster's latest claims (phone numbers masked), with boxes to split some out into a cluster
 * of their own (supervisors).
 */
import { useEffect, useState } from 'react';
import type { ClaimView } from '../../../../bot-service/contract/hoax.ts';
import { Button } from '../../components/Button.tsx';
import { describeError } from '../../components/ErrorState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { showToast } from '../../components/Toast.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { clockTime } from '../../lib/time.ts';
import { navigate } from '../../routes.ts';
import { regionName } from './labels.ts';
import { useSplit } from './queries.ts';

export function ClaimsTable({ clusterId, claims, total, canSplit, now }: { clusterId: number; claims: readonly ClaimView[]; total: number; canSplit: boolean; now: number }) {
  const t = useT();
  const { lang } = useLang();
  const locale = localeOf(lang);
  const split = useSplit();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setTicked(new Set()), [clusterId]);
  const unknown = t('hoax.region.unknown');

  const doSplit = () =>
    split.mutate(
      { id: clusterId, body: { claimIds: [...ticked] } },
      {
        onSuccess: result => {
          setTicked(new Set());
          showToast(t('hoax.split.done', { id: result.cluster.id }));
          navigate('hoaxes', result.cluster.id);
        },
        onError: e => {
          const { title, hint } = describeError(t, e);
          showToast(`${title} ${hint}`, 'danger');
        },
      }
    );

  return (
    <section className="hoax-claims" aria-labelledby={`claims-${clusterId}`}>
      <div className="hoax-section-head">
        <h3 id={`claims-${clusterId}`}>{t('hoax.claims.title', { shown: claims.length, total })}</h3>
        <span className="spacer" />
        {canSplit ? (
          <Button size="sm" disabled={ticked.size === 0 || ticked.size >= total} busy={split.isPending} onClick={doSplit}>
            {t('hoax.split.action', { count: ticked.size })}
          </Button>
        ) : null}
      </div>
      <table className="data hoax-claims-table">
        <thead>
          <tr>
            {canSplit ? (
              <th>
                <span className="visually-hidden">{t('hoax.split.pick')}</span>
              </th>
            ) : null}
            <th>{t('hoax.claims.when')}</th>
            <th>{t('hoax.claims.sender')}</th>
            <th>{t('hoax.claims.text')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map(c => (
            <tr key={c.id}>
              {canSplit ? (
                <td>
                  <input
                    type="checkbox"
                    checked={ticked.has(c.id)}
                    aria-label={t('hoax.split.tick', { id: c.id })}
                    onChange={e => {
                      const next = new Set(ticked);
                      if (e.target.checked) next.add(c.id);
                      else next.delete(c.id);
                      setTicked(next);
                    }}
                  />
                </td>
              ) : null}
              <td className="nowrap">{clockTime(c.at, locale, now)}</td>
              <td className="nowrap">
                <span className="mono">{c.sender}</span>
                <div className="muted">{c.regionCode === null ? unknown : regionName(c.regionCode, unknown)}</div>
              </td>
              <td>
                <div className="hoax-claim-badges">
                  {c.forwarded === 2 ? (
                    <StatusBadge tone="warning">{t('hoax.claims.frequently')}</StatusBadge>
                  ) : c.forwarded === 1 ? (
                    <StatusBadge>{t('hoax.claims.forwarded')}</StatusBadge>
                  ) : (
                    <StatusBadge tone="info">{t(c.via === 'cek-hoaks' ? 'hoax.claims.viaCheck' : 'hoax.claims.viaMatch')}</StatusBadge>
                  )}
                  {c.media !== null ? <StatusBadge>{t('hoax.claims.file', { kind: c.media.kind })}</StatusBadge> : null}
                </div>
                <div className="hoax-claim-text-cell">{c.text ?? <span className="muted">{t('hoax.sample.file')}</span>}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
