/** The monitor's filters: region, feature, state and flags. */
import type { ConversationState } from '../../../../bot-service/contract/conversations.ts';
import { Button } from '../../components/Button.tsx';
import { featureLabel, features, stateLabel } from '../../conversation/labels.ts';
import { useT } from '../../i18n/index.tsx';
import { regions } from '../../lib/regions.ts';
import type { MonitorFilters } from './use-live-list.ts';

const states: ConversationState[] = ['bot', 'waiting', 'assigned', 'closed'];

export function Filters({ value, onChange }: { value: MonitorFilters; onChange: (next: MonitorFilters) => void }) {
  const t = useT();
  const set = <K extends keyof MonitorFilters>(name: K, next: string) =>
    onChange({ ...value, [name]: next === '' ? undefined : (next as MonitorFilters[K]) });
  const active = Object.values(value).some(v => v !== undefined);
  return (
    <div className="monitor-filters" role="group" aria-label={t('monitor.filters')}>
      <label className="field">
        <span>{t('monitor.filter.region')}</span>
        <select value={value.region ?? ''} onChange={event => set('region', event.target.value)} name="region">
          <option value="">{t('monitor.filter.all')}</option>
          {regions.map(region => (
            <option key={region.code} value={region.code}>
              {region.label}
            </option>
          ))}
          <option value="unknown">{t('conv.regionUnknown')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('monitor.filter.feature')}</span>
        <select value={value.feature ?? ''} onChange={event => set('feature', event.target.value)} name="feature">
          <option value="">{t('monitor.filter.all')}</option>
          {features.map(feature => (
            <option key={feature} value={feature}>
              {t(featureLabel[feature])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('monitor.filter.state')}</span>
        <select value={value.state ?? ''} onChange={event => set('state', event.target.value)} name="state">
          <option value="">{t('monitor.filter.all')}</option>
          {states.map(state => (
            <option key={state} value={state}>
              {t(stateLabel[state])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('monitor.filter.flags')}</span>
        <select value={value.flagged ?? ''} onChange={event => set('flagged', event.target.value)} name="flagged">
          <option value="">{t('monitor.filter.all')}</option>
          <option value="true">{t('monitor.filter.anyFlag')}</option>
          <option value="hoax">{t('flag.hoax')}</option>
          <option value="high-risk">{t('flag.highRisk')}</option>
        </select>
      </label>
      {active ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({})}>
          {t('monitor.filter.clear')}
        </Button>
      ) : null}
    </div>
  );
}
