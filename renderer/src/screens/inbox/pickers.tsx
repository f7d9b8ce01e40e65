/**
 * The composer's pickers: canned replies, FAQ answers, hospitals and approved templates.
 * Each shows a searchable list and reports the chosen item; the composer previews and sends it.
 */
import { useMemo, useState, type RefObject } from 'react';
import type { ContentDataOf } from '../../../../bot-service/contract/content.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/index.tsx';
import { regionByCode, regions } from '../../lib/regions.ts';
import { usePublished } from './queries.ts';

export type Picked = { id: string } | null;

function matches(query: string, ...fields: Array<string | null | undefined | readonly string[]>): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const words = q.split(/\s+/);
  const hay = fields
    .flat()
    .filter((f): f is string => typeof f === 'string')
    .join(' ')
    .toLowerCase();
  return words.every(word => hay.includes(word));
}

function PickList<T extends { id: string }>({
  items,
  picked,
  onPick,
  label,
  title,
  detail,
}: {
  items: readonly T[];
  picked: string | null;
  onPick: (id: string) => void;
  label: string;
  title: (item: T) => string;
  detail?: (item: T) => string | null;
}) {
  const t = useT();
  if (items.length === 0) return <p className="muted pick-empty">{t('composer.noMatch')}</p>;
  return (
    <ul className="pick-list" aria-label={label}>
      {items.slice(0, 60).map(item => (
        <li key={item.id}>
          <button type="button" className="pick-item" aria-pressed={item.id === picked} onClick={() => onPick(item.id)}>
            <span className="pick-title">{title(item)}</span>
            {detail?.(item) ? <span className="pick-detail">{detail(item)}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

function SearchBox({ value, onChange, label, inputRef }: { value: string; onChange: (v: string) => void; label: string; inputRef?: RefObject<HTMLInputElement | null> }) {
  return (
    <input
      ref={inputRef}
      type="search"
      className="pick-search"
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={event => onChange(event.target.value)}
    />
  );
}

type PickerProps = { picked: string | null; onPick: (id: string) => void; english: boolean };

export function CannedPicker({ picked, onPick, english }: PickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const list = usePublished('canned-replies');
  const items = useMemo(
    () => (list.data ?? []).filter(item => matches(query, item.data.title, item.data.text)).sort((a, b) => a.data.position - b.data.position),
    [list.data, query]
  );
  if (list.isPending) return <Loading inline />;
  if (list.isError) return <ErrorState inline error={list.error} onRetry={() => void list.refetch()} />;
  if ((list.data ?? []).length === 0) return <EmptyState title={t('composer.canned.none')} hint={t('composer.canned.noneHint')} />;
  return (
    <div className="picker">
      <SearchBox value={query} onChange={setQuery} label={t('composer.canned.search')} />
      <PickList
        items={items}
        picked={picked}
        onPick={onPick}
        label={t('composer.tab.canned')}
        title={item => item.data.title}
        detail={item => (english && item.data.textEn ? item.data.textEn : item.data.text).slice(0, 90)}
      />
    </div>
  );
}

export function FaqPicker({ picked, onPick, english, searchRef }: PickerProps & { searchRef: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const list = usePublished('faq');
  const items = useMemo(
    () =>
      (list.data ?? [])
        .filter(item => matches(query, item.data.question, item.data.answer, item.data.questionEn, item.data.keywords))
        .sort((a, b) => a.data.position - b.data.position),
    [list.data, query]
  );
  if (list.isPending) return <Loading inline />;
  if (list.isError) return <ErrorState inline error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div className="picker">
      <SearchBox value={query} onChange={setQuery} label={t('composer.faq.search')} inputRef={searchRef} />
      <PickList
        items={items}
        picked={picked}
        onPick={onPick}
        label={t('composer.tab.faq')}
        title={item => (english && item.data.questionEn ? item.data.questionEn : item.data.question)}
      />
    </div>
  );
}

export function HospitalPicker({ picked, onPick, regionCode }: PickerProps & { regionCode: string | null }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [region, setRegion] = useState(regionCode ?? '');
  const list = usePublished('hospitals');
  const items = useMemo(
    () =>
      (list.data ?? [])
        .filter(item => (region === '' || item.data.regionCode === region) && matches(query, item.data.name, item.data.address))
        .sort((a, b) => a.data.position - b.data.position || a.data.name.localeCompare(b.data.name)),
    [list.data, query, region]
  );
  if (list.isPending) return <Loading inline />;
  if (list.isError) return <ErrorState inline error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div className="picker">
      <div className="pick-row">
        <select aria-label={t('composer.hospital.region')} value={region} onChange={event => setRegion(event.target.value)}>
          <option value="">{t('monitor.filter.all')}</option>
          {regions.map(r => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
        <SearchBox value={query} onChange={setQuery} label={t('composer.hospital.search')} />
      </div>
      <PickList
        items={items}
        picked={picked}
        onPick={onPick}
        label={t('composer.tab.hospital')}
        title={item => item.data.name}
        detail={item => [regionByCode(item.data.regionCode)?.label, item.data.phone].filter(Boolean).join(' · ')}
      />
    </div>
  );
}

export function TemplatePicker({ picked, onPick, english }: PickerProps) {
  const t = useT();
  const list = usePublished('templates');
  const items = useMemo(() => (list.data ?? []).filter(item => item.data.approved), [list.data]);
  if (list.isPending) return <Loading inline />;
  if (list.isError) return <ErrorState inline error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('composer.template.none')} hint={t('composer.template.noneHint')} />;
  // The citizen's language first.
  const sorted = [...items].sort((a, b) => Number(b.data.language.startsWith(english ? 'en' : 'id')) - Number(a.data.language.startsWith(english ? 'en' : 'id')));
  return (
    <div className="picker">
      <PickList
        items={sorted}
        picked={picked}
        onPick={onPick}
        label={t('composer.tab.template')}
        title={item => `${item.data.name} (${item.data.language})`}
        detail={item => item.data.body.slice(0, 90)}
      />
    </div>
  );
}

/** The highest {{n}} in a template body: how many parameters it takes. */
export function templateParamCount(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{(\d+)\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

export type CannedData = ContentDataOf<'canned-replies'>;
