/**
 * Every region's figures for the day (38 + unknown), sortable by column. A region picked on
 * the map is marked and scrolled into view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportRegion } from '../../../../bot-service/contract/reports.ts';
import { useLang, useT, type MessageKey } from '../../i18n/index.tsx';
import { numberFormats } from '../heatmap/format.ts';

type SortKey = 'code' | 'conversations' | 'conversationsPer100k' | 'conversationsChange' | 'contacts' | 'handoffs' | 'hoaxClaims' | 'tinggi';

const columns: Array<{ key: SortKey; label: MessageKey; numeric: boolean }> = [
  { key: 'code', label: 'reports.col.region', numeric: false },
  { key: 'conversations', label: 'reports.col.conversations', numeric: true },
  { key: 'conversationsPer100k', label: 'reports.col.per100k', numeric: true },
  { key: 'conversationsChange', label: 'reports.col.change', numeric: true },
  { key: 'contacts', label: 'reports.col.contacts', numeric: true },
  { key: 'handoffs', label: 'reports.col.handoffs', numeric: true },
  { key: 'hoaxClaims', label: 'reports.col.hoaxClaims', numeric: true },
  { key: 'tinggi', label: 'reports.col.selfcheck', numeric: true },
];

function sortValue(region: ReportRegion, key: SortKey): number | string {
  if (key === 'code') return region.code;
  if (key === 'tinggi') return region.selfcheck.tinggi;
  return region[key] ?? -1;
}

export function RegionTable({ regions, selected, onSelect }: { regions: ReportRegion[]; selected: string | null; onSelect: (code: string) => void }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'conversations', descending: true });
  const selectedRow = useRef<HTMLTableRowElement>(null);

  const rows = useMemo(() => {
    const sorted = [...regions].sort((a, b) => {
      // "unknown" stays last whatever the order: it is not a region.
      if (a.code === 'unknown' || b.code === 'unknown') return a.code === 'unknown' ? 1 : -1;
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
      return (sort.descending ? -order : order) || a.code.localeCompare(b.code);
    });
    return sorted;
  }, [regions, sort]);

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="region-table-wrap">
      <table className="data region-table" data-testid="region-table">
        <thead>
          <tr>
            {columns.map(column => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort(current => ({ key: column.key, descending: current.key === column.key ? !current.descending : column.numeric }))}
                  >
                    {t(column.label)}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(region => {
            const isSelected = region.code === selected;
            return (
              <tr
                key={region.code}
                ref={isSelected ? selectedRow : undefined}
                data-region-row={region.code}
                aria-selected={isSelected}
                className={isSelected ? 'selected' : undefined}
                onClick={() => region.code !== 'unknown' && onSelect(region.code)}
              >
                <td>
                  <span className="mono muted">{region.code === 'unknown' ? '' : region.code}</span>{' '}
                  {region.code === 'unknown' ? t('stats.unknownRegion') : region.name}
                </td>
                <td className="num">{f.count(region.conversations)}</td>
                <td className="num">{region.conversationsPer100k === null ? '–' : f.rate(region.conversationsPer100k)}</td>
                <td className="num" data-trend={region.conversationsChange > 0 ? 'up' : region.conversationsChange < 0 ? 'down' : 'same'}>
                  {f.change(region.conversationsChange)}
                </td>
                <td className="num">{f.count(region.contacts)}</td>
                <td className="num">{f.count(region.handoffs)}</td>
                <td className="num">{f.count(region.hoaxClaims)}</td>
                <td className="num">
                  <span title={t('stats.level.rendah')}>{f.count(region.selfcheck.rendah)}</span> /{' '}
                  <span title={t('stats.level.sedang')}>{f.count(region.selfcheck.sedang)}</span> /{' '}
                  <strong title={t('stats.level.tinggi')}>{f.count(region.selfcheck.tinggi)}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
