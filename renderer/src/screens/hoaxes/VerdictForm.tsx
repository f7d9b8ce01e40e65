/**
 * The verdict: hoaks, menyesatkan, fakta or belum jelas, the clarification citizens will read as
 * written, and its source. Saving a final verdict publishes it for the bot and sends it to every
 * sender not yet reached, so the form says how many that is before it is saved.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ClusterSummary, HoaxVerdict } from '../../../../bot-service/contract/hoax.ts';
import { Button } from '../../components/Button.tsx';
import { describeError } from '../../components/ErrorState.tsx';
import { showToast } from '../../components/Toast.tsx';
import { useT } from '../../i18n/index.tsx';
import { isFinal, verdictLabel, verdicts } from './labels.ts';
import { useVerdict } from './queries.ts';

export function VerdictForm({ cluster }: { cluster: ClusterSummary }) {
  const t = useT();
  const mutation = useVerdict();
  const current = cluster.verdict;
  const [verdict, setVerdict] = useState<HoaxVerdict>(current?.verdict ?? 'hoaks');
  const [clarification, setClarification] = useState(current?.clarification ?? '');
  const [source, setSource] = useState(current?.source ?? '');
  const [claim, setClaim] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Another cluster opened (or someone else decided this one): start from what is saved.
  useEffect(() => {
    setVerdict(current?.verdict ?? 'hoaks');
    setClarification(current?.clarification ?? '');
    setSource(current?.source ?? '');
    setClaim('');
    setError(null);
  }, [cluster.id, current?.verdict, current?.clarification, current?.source]);

  const final = isFinal(verdict);
  const unreached = cluster.reached.pending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (final && clarification.trim() === '') {
      setError(t('hoax.form.needClarification'));
      return;
    }
    setError(null);
    mutation.mutate(
      {
        id: cluster.id,
        body: {
          verdict,
          clarification: clarification.trim() === '' ? null : clarification.trim(),
          source: source.trim() === '' ? null : source.trim(),
          claim: claim.trim() === '' ? null : claim.trim(),
        },
      },
      {
        onSuccess: result => {
          const d = result.delivery;
          showToast(d === null ? t('hoax.form.saved') : t('hoax.form.savedSent', { message: d.message, template: d.template, none: d.notDeliverable }));
        },
        onError: e => {
          const { title, hint } = describeError(t, e);
          setError(`${title} ${hint}`);
        },
      }
    );
  };

  return (
    <form className="hoax-verdict" onSubmit={submit} aria-labelledby={`verdict-title-${cluster.id}`}>
      <h3 id={`verdict-title-${cluster.id}`}>{t('hoax.form.title')}</h3>
      <fieldset className="hoax-verdict-choices">
        <legend className="visually-hidden">{t('hoax.form.verdict')}</legend>
        {verdicts.map(v => (
          <label key={v} className="hoax-choice" data-verdict={v}>
            <input type="radio" name={`verdict-${cluster.id}`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
            <span>{t(verdictLabel[v])}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('hoax.form.clarification')}</span>
        <textarea rows={4} value={clarification} onChange={e => setClarification(e.target.value)} maxLength={4096} required={final} />
      </label>
      <label className="field">
        <span>{t('hoax.form.source')}</span>
        <input type="text" value={source} onChange={e => setSource(e.target.value)} maxLength={500} placeholder={t('hoax.form.sourceHint')} />
      </label>
      <details className="hoax-claim-text">
        <summary>{t('hoax.form.claim')}</summary>
        <label className="field">
          <span className="muted">{t('hoax.form.claimHint')}</span>
          <textarea rows={3} value={claim} onChange={e => setClaim(e.target.value)} maxLength={1000} aria-label={t('hoax.form.claim')} />
        </label>
      </details>
      <p className="muted hoax-verdict-note" data-testid="verdict-note">
        {final ? t('hoax.form.willSend', { count: unreached }) : t('hoax.form.willNotSend')}
      </p>
      {error !== null ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {t('hoax.form.save')}
        </Button>
      </div>
    </form>
  );
}
