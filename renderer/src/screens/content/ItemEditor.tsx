/**
 * Editing one content item: the form, save as draft, publish, discard the draft, and the
 * item's version history. Ctrl+S saves the draft, Ctrl+Enter publishes.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ContentItem } from '../../../../bot-service/contract/content.ts';
import { Button } from '../../components/Button.tsx';
import { describeError } from '../../components/ErrorState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { showToast } from '../../components/Toast.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { dateTime } from '../../lib/time.ts';
import { ContentForm, type RegionOption } from './ContentForm.tsx';
import { formDiffers, fromFormValues, toFormValues, type FieldErrors, type FormValues } from './form-data.ts';
import { emptyData, type KindSpec } from './kinds.ts';
import { useContentActions } from './queries.ts';
import { VersionHistory } from './VersionHistory.tsx';

export type ItemEditorProps = {
  spec: KindSpec;
  /** null: a new item. */
  item: ContentItem | null;
  title: string;
  regions: readonly RegionOption[];
  /** After a new item is created: its id. */
  onCreated: (id: string) => void;
  /** Reports unsaved changes, so the screen can ask before leaving them. */
  onDirtyChange: (dirty: boolean) => void;
};

/** What the form starts from: the draft, else the published version, else a blank item. */
function baselineOf(spec: KindSpec, item: ContentItem | null): Record<string, unknown> {
  return { ...emptyData(spec), ...(item?.draft?.data ?? item?.published ?? {}) };
}

export function ItemEditor({ spec, item, title, regions, onCreated, onDirtyChange }: ItemEditorProps) {
  const t = useT();
  const { lang } = useLang();
  const actions = useContentActions(spec.kind);
  const baseline = useMemo(() => baselineOf(spec, item), [spec, item]);
  const baselineKey = JSON.stringify(baseline);
  const [values, setValues] = useState<FormValues>(() => toFormValues(spec, baseline));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const parsed = fromFormValues(spec, values);
  const dirty = formDiffers(spec, values, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // Follow the service's copy (after a save, or someone else's edit) unless the user has
  // unsaved changes to it; another item always starts afresh. Refetches that change nothing
  // (window focus) leave the form alone.
  const shown = useRef({ itemKey: `${spec.kind}/${item?.id ?? ''}`, baselineKey });
  useEffect(() => {
    const itemKey = `${spec.kind}/${item?.id ?? ''}`;
    const previous = shown.current;
    const sameItem = previous.itemKey === itemKey;
    if (sameItem && previous.baselineKey === baselineKey) return;
    const editedBefore = sameItem && formDiffers(spec, values, JSON.parse(previous.baselineKey) as Record<string, unknown>);
    shown.current = { itemKey, baselineKey };
    if (editedBefore) return;
    setValues(toFormValues(spec, JSON.parse(baselineKey) as Record<string, unknown>));
    setErrors({});
    setServerError(null);
    // Only the item and its data re-run this; `values` is read as it is now on purpose.
  }, [spec, item?.id, baselineKey]);

  const busy = actions.create.isPending || actions.saveDraft.isPending || actions.publish.isPending || actions.dropDraft.isPending;
  const hasDraft = item?.draft != null;
  const fail = (error: unknown) => {
    const { title: heading, hint } = describeError(t, error);
    setServerError(hint !== '' ? `${heading}: ${hint}` : heading);
  };

  /** Saves the form as the draft; returns the item's id, or null when it could not. */
  const save = async (): Promise<string | null> => {
    if (Object.keys(parsed.errors).length > 0) {
      setErrors(parsed.errors);
      return null;
    }
    setErrors({});
    setServerError(null);
    try {
      if (item === null) {
        const created = await actions.create.mutateAsync({ data: parsed.data });
        onCreated(created.item.id);
        return created.item.id;
      }
      if (dirty || !hasDraft) await actions.saveDraft.mutateAsync({ id: item.id, data: parsed.data });
      return item.id;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const saveDraft = async () => {
    const id = await save();
    if (id !== null) showToast(t('content.saved'));
  };

  const publish = async () => {
    const id = await save();
    if (id === null) return;
    try {
      const result = await actions.publish.mutateAsync(id);
      showToast(t('content.published', { version: result.item.version }));
    } catch (error) {
      fail(error);
    }
  };

  const discard = async () => {
    if (item === null || !hasDraft) return;
    try {
      await actions.dropDraft.mutateAsync(item.id);
      showToast(t('content.discarded'));
    } catch (error) {
      fail(error);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (!(event.ctrlKey || event.metaKey) || busy) return;
    if (event.key === 's') {
      event.preventDefault();
      void saveDraft();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void publish();
    }
  };

  const locale = localeOf(lang);
  return (
    <form
      className="item-editor"
      aria-label={title}
      // The form's own messages (in the console's language) rather than the browser's.
      noValidate
      onSubmit={event => {
        event.preventDefault();
        void publish();
      }}
      onKeyDown={onKeyDown}
      data-testid="content-editor"
    >
      <div className="editor-head">
        <h2>{title}</h2>
        <div className="editor-status" data-testid="content-status">
          {item === null ? <StatusBadge tone="info">{t('content.status.new')}</StatusBadge> : null}
          {item !== null && item.published === null ? <StatusBadge tone="warning">{t('content.status.unpublished')}</StatusBadge> : null}
          {item !== null && item.published !== null && item.publishedAt !== null ? (
            <span className="muted">
              {t('content.status.published', { version: item.version, time: dateTime(item.publishedAt, locale), by: item.publishedBy ?? '–' })}
            </span>
          ) : null}
          {item?.draft != null ? (
            <StatusBadge tone="warning" title={t('content.status.draftBy', { time: dateTime(item.draft.savedAt, locale), by: item.draft.author })}>
              {t('content.status.draft')}
            </StatusBadge>
          ) : null}
          {dirty ? <StatusBadge tone="danger">{t('content.status.unsaved')}</StatusBadge> : null}
        </div>
      </div>

      <ContentForm
        spec={spec}
        values={values}
        errors={errors}
        regions={regions}
        disabled={busy}
        onChange={(name, value) => setValues(current => ({ ...current, [name]: value }))}
      />

      {serverError !== null ? (
        <div className="form-error" role="alert" data-testid="content-error">
          {serverError}
        </div>
      ) : null}

      <div className="editor-actions">
        <Button type="submit" variant="primary" busy={actions.publish.isPending} disabled={busy || (!dirty && !hasDraft && item !== null)} shortcut="Ctrl+↵">
          {t('content.action.publish')}
        </Button>
        <Button onClick={() => void saveDraft()} busy={actions.saveDraft.isPending || actions.create.isPending} disabled={busy || (!dirty && item !== null)} shortcut="Ctrl+S">
          {t('content.action.saveDraft')}
        </Button>
        {dirty ? (
          <Button variant="ghost" onClick={() => setValues(toFormValues(spec, baseline))} disabled={busy}>
            {t('content.action.revert')}
          </Button>
        ) : null}
        <span className="spacer" />
        {hasDraft ? (
          <Button variant="danger" onClick={() => void discard()} busy={actions.dropDraft.isPending} disabled={busy}>
            {t('content.action.discardDraft')}
          </Button>
        ) : null}
      </div>
      <p className="muted editor-note">{t('content.publishNote')}</p>

      {item !== null ? (
        <VersionHistory
          kind={spec.kind}
          id={item.id}
          onLoad={data => {
            setValues(toFormValues(spec, { ...emptyData(spec), ...data }));
            showToast(t('content.history.loaded'));
          }}
        />
      ) : null}
    </form>
  );
}
