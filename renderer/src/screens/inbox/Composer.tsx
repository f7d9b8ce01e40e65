/**
 * The reply composer: free text, or a canned reply, an FAQ answer or a hospital's details as
 * published; when the 24-hour window has closed, only an approved template. Shows what the
 * citizen will read before it is sent. Ctrl+Enter sends.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ConversationSummary } from '../../../../bot-service/contract/conversations.ts';
import type { ReplyRequest } from '../../../../bot-service/contract/inbox.ts';
import type { SessionUser } from '../../api/session.tsx';
import { Button } from '../../components/Button.tsx';
import { regionLabel } from '../../conversation/ConversationHeader.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { regionByCode } from '../../lib/regions.ts';
import { useInboxAction } from './mutations.ts';
import { CannedPicker, FaqPicker, HospitalPicker, TemplatePicker, templateParamCount } from './pickers.tsx';
import { usePublished } from './queries.ts';

export type ComposerMode = 'text' | 'canned' | 'faq' | 'hospital' | 'template';

const tabLabel: Record<ComposerMode, MessageKey> = {
  text: 'composer.tab.text',
  canned: 'composer.tab.canned',
  faq: 'composer.tab.faq',
  hospital: 'composer.tab.hospital',
  template: 'composer.tab.template',
};

const fixedVariables = new Set(['nama', 'wilayah', 'relawan']);

export type ComposerCommands = { focusText: () => void; openFaqSearch: () => void };

export function Composer({
  conversation,
  user,
  windowOpen,
  commandsRef,
}: {
  conversation: ConversationSummary;
  user: SessionUser;
  windowOpen: boolean;
  commandsRef: RefObject<ComposerCommands | null>;
}) {
  const t = useT();
  const english = conversation.contact.language === 'en';
  const [mode, setMode] = useState<ComposerMode>(windowOpen ? 'text' : 'template');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [params, setParams] = useState<string[]>([]);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const faqSearchRef = useRef<HTMLInputElement>(null);
  const action = useInboxAction(conversation.id);

  const modes: ComposerMode[] = windowOpen ? ['text', 'canned', 'faq', 'hospital'] : ['template'];
  const current = modes.includes(mode) ? mode : (modes[0] ?? 'template');

  useEffect(() => {
    setPicked(null);
    setVariables({});
    setParams([]);
  }, [current]);

  const pendingFaqFocus = useRef(false);
  useEffect(() => {
    // The search box appears once the FAQ has loaded: focus it then.
    if (current === 'faq' && pendingFaqFocus.current && faqSearchRef.current !== null) {
      pendingFaqFocus.current = false;
      faqSearchRef.current.focus();
    }
  });
  commandsRef.current = {
    focusText: () => {
      if (!windowOpen) return;
      setMode('text');
      setTimeout(() => textRef.current?.focus(), 0);
    },
    openFaqSearch: () => {
      if (!windowOpen) return;
      pendingFaqFocus.current = true;
      setMode('faq');
      faqSearchRef.current?.focus();
    },
  };

  const canned = usePublished('canned-replies', current === 'canned');
  const faq = usePublished('faq', current === 'faq');
  const hospitals = usePublished('hospitals', current === 'hospital');
  const templates = usePublished('templates', current === 'template');

  // What the citizen will read (the service fills in the same way; it is the one that sends).
  const preview = useMemo((): { text: string; missing: string[] } | null => {
    if (current === 'text') return null;
    if (picked === null) return null;
    if (current === 'canned') {
      const item = canned.data?.find(c => c.id === picked);
      if (item === undefined) return null;
      const body = english && item.data.textEn ? item.data.textEn : item.data.text;
      const values: Record<string, string> = {
        nama: conversation.contact.profileName ?? t('composer.defaultName'),
        wilayah: regionByCode(conversation.regionCode)?.name ?? regionLabel(conversation.regionCode, conversation.regionName) ?? t('conv.regionUnknown'),
        relawan: user.displayName ?? user.username,
        ...variables,
      };
      const missing = new Set<string>();
      const filled = body.replace(/\{([a-z_]{1,32})\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined || value === '') {
          missing.add(name);
          return whole;
        }
        return value;
      });
      return { text: filled, missing: [...missing] };
    }
    if (current === 'faq') {
      const item = faq.data?.find(f => f.id === picked);
      if (item === undefined) return null;
      const q = english && item.data.questionEn ? item.data.questionEn : item.data.question;
      const a = english && item.data.answerEn ? item.data.answerEn : item.data.answer;
      return { text: `*${q}*\n\n${a}`, missing: [] };
    }
    if (current === 'hospital') {
      const item = hospitals.data?.find(h => h.id === picked);
      if (item === undefined) return null;
      const lines = [`🏥 *${item.data.name}*`, item.data.address, item.data.phone].filter((l): l is string => typeof l === 'string' && l !== '');
      return { text: lines.join('\n'), missing: [] };
    }
    const item = templates.data?.find(tp => tp.id === picked);
    if (item === undefined) return null;
    const count = templateParamCount(item.data.body);
    const missing = Array.from({ length: count }, (_, i) => String(i + 1)).filter(n => (params[Number(n) - 1] ?? '').trim() === '');
    return { text: item.data.body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => params[Number(n) - 1] || whole), missing };
  }, [current, picked, canned.data, faq.data, hospitals.data, templates.data, variables, params, english, conversation, user, t]);

  const cannedExtra = useMemo(() => {
    if (current !== 'canned' || picked === null) return [];
    const item = canned.data?.find(c => c.id === picked);
    const body = item === undefined ? '' : english && item.data.textEn ? item.data.textEn : item.data.text;
    return [...new Set([...body.matchAll(/\{([a-z_]{1,32})\}/g)].map(m => m[1] ?? ''))].filter(name => !fixedVariables.has(name));
  }, [current, picked, canned.data, english]);

  const templateCount = useMemo(() => {
    if (current !== 'template' || picked === null) return 0;
    const item = templates.data?.find(tp => tp.id === picked);
    return item === undefined ? 0 : templateParamCount(item.data.body);
  }, [current, picked, templates.data]);

  const request = ((): ReplyRequest | null => {
    switch (current) {
      case 'text':
        return text.trim() === '' ? null : { kind: 'text', text: text.trim() };
      case 'canned':
        if (picked === null || (preview?.missing.length ?? 0) > 0) return null;
        return Object.keys(variables).length > 0 ? { kind: 'canned', cannedId: Number(picked), variables } : { kind: 'canned', cannedId: Number(picked) };
      case 'faq':
        return picked === null ? null : { kind: 'faq', faqId: picked };
      case 'hospital':
        return picked === null ? null : { kind: 'hospital', hospitalId: Number(picked) };
      case 'template':
        if (picked === null || (preview?.missing.length ?? 0) > 0) return null;
        return { kind: 'template', templateId: Number(picked), params: params.slice(0, templateCount).map(p => p.trim()) };
    }
  })();

  const send = () => {
    if (request === null || action.isPending) return;
    action.mutate(
      { kind: 'reply', body: request },
      {
        onSuccess: () => {
          setText('');
          setPicked(null);
          setVariables({});
          setParams([]);
          if (current === 'text') textRef.current?.focus();
        },
      }
    );
  };

  return (
    <section className="composer" aria-label={t('composer.label')} data-testid="composer">
      <div className="composer-tabs" role="tablist" aria-label={t('composer.label')}>
        {modes.map(m => (
          <button key={m} type="button" role="tab" aria-selected={m === current} className="composer-tab" onClick={() => setMode(m)}>
            {t(tabLabel[m])}
          </button>
        ))}
        {!windowOpen ? <span className="composer-closed">{t('composer.windowClosed')}</span> : null}
      </div>
      <div className="composer-body" role="tabpanel">
        {current === 'text' ? (
          <textarea
            ref={textRef}
            className="composer-text"
            aria-label={t('composer.text')}
            placeholder={t('composer.placeholder')}
            rows={3}
            maxLength={4096}
            value={text}
            onChange={event => setText(event.target.value)}
            onKeyDown={event => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
          />
        ) : (
          <div className="composer-pick">
            {current === 'canned' ? <CannedPicker picked={picked} onPick={setPicked} english={english} /> : null}
            {current === 'faq' ? <FaqPicker picked={picked} onPick={setPicked} english={english} searchRef={faqSearchRef} /> : null}
            {current === 'hospital' ? <HospitalPicker picked={picked} onPick={setPicked} english={english} regionCode={conversation.regionCode} /> : null}
            {current === 'template' ? <TemplatePicker picked={picked} onPick={setPicked} english={english} /> : null}
            <div className="composer-preview" aria-live="polite">
              {preview === null ? (
                <p className="muted">{t('composer.pickFirst')}</p>
              ) : (
                <>
                  <div className="composer-preview-label">{t('composer.preview')}</div>
                  <div className="composer-preview-text" data-testid="composer-preview">
                    {preview.text}
                  </div>
                </>
              )}
              {cannedExtra.map(name => (
                <label key={name} className="field">
                  <span>{`{${name}}`}</span>
                  <input value={variables[name] ?? ''} onChange={event => setVariables(v => ({ ...v, [name]: event.target.value }))} maxLength={200} />
                </label>
              ))}
              {Array.from({ length: templateCount }, (_, i) => (
                <label key={i} className="field">
                  <span>{t('composer.template.param', { n: i + 1 })}</span>
                  <input
                    value={params[i] ?? ''}
                    maxLength={1024}
                    onChange={event =>
                      setParams(p => {
                        const next = [...p];
                        next[i] = event.target.value.replace(/[\n\t]/g, ' ');
                        return next;
                      })
                    }
                  />
                </label>
              ))}
            </div>
          </div>
        )}
      </div>
      <div className="composer-foot">
        <span className="muted">{current === 'text' ? t('composer.hint') : ''}</span>
        <Button variant="primary" onClick={send} disabled={request === null} busy={action.isPending && action.variables?.kind === 'reply'}>
          {current === 'template' ? t('composer.sendTemplate') : t('composer.send')}
        </Button>
      </div>
    </section>
  );
}
