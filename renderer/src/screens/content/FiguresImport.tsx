/**
 * The daily region figures as the command post receives them: a CSV file or pasted text,
 * imported all or nothing. A refusal lists every bad row, and nothing changes.
 */
import { useId, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { describeError } from '../../components/ErrorState.tsx';
import { showToast } from '../../components/Toast.tsx';
import { useT } from '../../i18n/index.tsx';
import { ImportError, useFiguresImport } from './queries.ts';

export const FIGURES_CSV_EXAMPLE = 'code,confirmed,recovered,deaths,odp,pdp,zone,date\n35.78,1200,300,90,800,150,merah,2020-05-20';

export function FiguresImport() {
  const t = useT();
  const textId = useId();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const run = useFiguresImport();
  const error = run.error;

  return (
    <section className="figures-import" aria-labelledby={`${textId}-title`} data-testid="figures-import">
      <h2 id={`${textId}-title`}>{t('content.import.title')}</h2>
      <p className="muted">{t('content.import.help')}</p>
      <pre className="csv-example mono">{FIGURES_CSV_EXAMPLE}</pre>
      <div className="field">
        <label htmlFor={fileId}>{t('content.import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={event => {
            const file = event.target.files?.[0];
            if (file !== undefined) void file.text().then(setCsv);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={textId}>{t('content.import.text')}</label>
        <textarea id={textId} className="mono" rows={10} value={csv} onChange={event => setCsv(event.target.value)} spellCheck={false} />
      </div>
      <div className="editor-actions">
        <Button
          variant="primary"
          disabled={csv.trim() === '' || run.isPending}
          busy={run.isPending}
          onClick={() =>
            run.mutate(csv, {
              onSuccess: result => {
                showToast(t('content.import.done', { count: result.imported }));
                setCsv('');
              },
            })
          }
        >
          {t('content.import.run')}
        </Button>
      </div>
      {run.isSuccess ? (
        <p className="import-result" role="status">
          {t('content.import.done', { count: run.data.imported })} {run.data.regions.join(', ')}
        </p>
      ) : null}
      {error !== null ? (
        <div className="form-error" role="alert" data-testid="import-error">
          <p>
            {error instanceof ImportError && error.rows.length > 0
              ? t('content.import.refused', { count: error.rows.length })
              : `${describeError(t, error).title}: ${describeError(t, error).hint}`}
          </p>
          {error instanceof ImportError && error.rows.length > 0 ? (
            <table className="data import-errors">
              <thead>
                <tr>
                  <th>{t('content.import.row')}</th>
                  <th>{t('content.import.code')}</th>
                  <th>{t('content.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {error.rows.map(row => (
                  <tr key={row.row}>
                    <td>{row.row}</td>
                    <td className="mono">{row.code ?? '–'}</td>
                    <td>{row.errors.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
