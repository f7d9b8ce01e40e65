/**
 * Content editing (supervisors, admins): FAQ, tips, hoaxes, hospitals, region figures (with the
 * daily CSV import), the latest update, canned replies and templates. Every change is a draft
 * until published; publishing makes the bot use it from its next reply.
 *
 * The hash keeps the place: `#/content/<kind>/<id>`, `…/new` for a new item, and
 * `#/content/region-figures/import` for the CSV import.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ContentItem, ContentKind } from '../../../../bot-service/contract/content.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useT } from '../../i18n/index.tsx';
import { navigate, useRoute } from '../../routes.ts';
import { getRegionGeometry } from '../heatmap/geo.ts';
import type { RegionOption } from './ContentForm.tsx';
import { FiguresImport } from './FiguresImport.tsx';
import { ItemEditor } from './ItemEditor.tsx';
import { kindSpecs, type KindSpec } from './kinds.ts';
import { useContentList } from './queries.ts';
import './content.css';

const NEW = 'new';
const IMPORT = 'import';

function regionOptions(): RegionOption[] {
  return [...getRegionGeometry().shapes].sort((a, b) => a.code.localeCompare(b.code)).map(s => ({ code: s.code, name: s.name }));
}

function itemData(item: ContentItem): Record<string, unknown> {
  return item.draft?.data ?? item.published ?? {};
}

function ItemList({
  spec,
  items,
  selectedId,
  onOpen,
  regionNames,
}: {
  spec: KindSpec;
  items: ContentItem[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  regionNames: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const titleOf = (item: ContentItem) =>
      spec.kind === 'region-figures' ? `${item.id} ${regionNames.get(item.id) ?? ''}` : spec.title(itemData(item), item.id);
    const rows = items.map(item => ({ item, title: titleOf(item), subtitle: spec.subtitle?.(itemData(item)) ?? '' }));
    return needle === '' ? rows : rows.filter(r => `${r.title} ${r.subtitle} ${r.item.id}`.toLowerCase().includes(needle));
  }, [items, query, spec, regionNames]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.item-row')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <div className="item-list">
      <input
        type="search"
        className="item-search"
        placeholder={t('content.search')}
        aria-label={t('content.search')}
        value={query}
        onChange={event => setQuery(event.target.value)}
      />
      <div className="muted item-count">{t('content.count', { count: shown.length, total: items.length })}</div>
      {shown.length === 0 ? (
        <EmptyState title={items.length === 0 ? t('content.emptyKind') : t('content.noMatch')} hint={items.length === 0 ? t('content.emptyKindHint') : undefined} />
      ) : (
        <ul onKeyDown={onKeyDown} aria-label={t(spec.label)}>
          {shown.map(({ item, title, subtitle }) => {
            const published = item.published as { active?: unknown } | null;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className="item-row"
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  data-item-id={item.id}
                  onClick={() => onOpen(item.id)}
                >
                  <span className="item-title">{title}</span>
                  {subtitle !== '' ? <span className="item-subtitle">{subtitle}</span> : null}
                  <span className="item-badges">
                    {item.published === null ? <StatusBadge tone="warning">{t('content.status.unpublished')}</StatusBadge> : null}
                    {item.draft !== null ? <StatusBadge tone="warning">{t('content.status.draft')}</StatusBadge> : null}
                    {published?.active === false ? <StatusBadge>{t('content.status.inactive')}</StatusBadge> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function ContentScreen() {
  const t = useT();
  const route = useRoute();
  const kind: ContentKind = kindSpecs.some(k => k.kind === route.params[0]) ? (route.params[0] as ContentKind) : 'faq';
  const spec = kindSpecs.find(k => k.kind === kind)!;
  const selectedId = route.params[1] ?? null;
  const list = useContentList(kind);
  const regions = useMemo(regionOptions, []);
  const regionNames = useMemo(() => new Map(regions.map(r => [r.code, r.name])), [regions]);
  const dirty = useRef(false);
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  /** Goes elsewhere, after asking when the form has unsaved changes. */
  const go = (nextKind: ContentKind, id?: string) => {
    if (dirty.current && !window.confirm(t('content.unsavedConfirm'))) return;
    dirty.current = false;
    if (id === undefined) navigate('content', nextKind);
    else navigate('content', nextKind, id);
  };

  const items = list.data?.items ?? [];
  const item = selectedId === null || selectedId === NEW || selectedId === IMPORT ? null : (items.find(i => i.id === selectedId) ?? null);
  const titleOf = (it: ContentItem) => (kind === 'region-figures' ? `${regionNames.get(it.id) ?? it.id} (${it.id})` : spec.title(itemData(it), it.id));

  let editor;
  if (selectedId === IMPORT && kind === 'region-figures') {
    editor = <FiguresImport />;
  } else if (selectedId === NEW && spec.creatable) {
    editor = (
      <ItemEditor
        key={`${kind}/new`}
        spec={spec}
        item={null}
        title={t('content.newItem', { kind: t(spec.label) })}
        regions={regions}
        onCreated={id => {
          dirty.current = false;
          navigate('content', kind, id);
        }}
        onDirtyChange={onDirtyChange}
      />
    );
  } else if (item !== null) {
    editor = (
      <ItemEditor
        key={`${kind}/${item.id}`}
        spec={spec}
        item={item}
        title={titleOf(item)}
        regions={regions}
        onCreated={() => undefined}
        onDirtyChange={onDirtyChange}
      />
    );
  } else if (selectedId !== null && list.isSuccess) {
    editor = <EmptyState title={t('content.notFound')} hint={t('content.notFoundHint')} />;
  } else {
    editor = <EmptyState title={t('content.pick')} hint={spec.creatable ? t('content.pickHintNew') : t('content.pickHint')} />;
  }

  return (
    <section className="screen content-screen" aria-labelledby="content-title">
      <header className="screen-header">
        <h1 id="content-title">{t('content.title')}</h1>
        <span className="spacer" />
        {kind === 'region-figures' ? (
          <Button onClick={() => go(kind, IMPORT)} aria-pressed={selectedId === IMPORT}>
            {t('content.import.open')}
          </Button>
        ) : null}
        {spec.creatable ? (
          <Button variant="primary" onClick={() => go(kind, NEW)}>
            {t('content.action.new')}
          </Button>
        ) : null}
      </header>
      <nav className="content-tabs" aria-label={t('content.kinds')}>
        {kindSpecs.map(k => (
          <a
            key={k.kind}
            href={`#/content/${k.kind}`}
            aria-current={k.kind === kind ? 'page' : undefined}
            onClick={event => {
              event.preventDefault();
              go(k.kind);
            }}
          >
            {t(k.label)}
          </a>
        ))}
      </nav>
      <div className="content-body">
        <aside className="panel content-list" aria-label={t(spec.label)}>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <ItemList spec={spec} items={items} selectedId={selectedId} onOpen={id => go(kind, id)} regionNames={regionNames} />
          )}
        </aside>
        <div className="panel content-editor">{editor}</div>
      </div>
    </section>
  );
}
