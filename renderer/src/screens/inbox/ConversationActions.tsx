/**
 * What can be done with the open conversation, by state and role: claim; release; transfer to
 * a colleague; resolve (back to the bot, optionally telling the citizen).
 */
import { useState, type RefObject } from 'react';
import type { ConversationSummary } from '../../../../bot-service/contract/conversations.ts';
import type { VolunteerPresence } from '../../../../bot-service/contract/inbox.ts';
import type { SessionUser } from '../../api/session.tsx';
import { Button } from '../../components/Button.tsx';
import { useT } from '../../i18n/index.tsx';
import { useInboxAction } from './mutations.ts';

export type Permissions = { canClaim: boolean; canAct: boolean; isMine: boolean };

export function permissionsFor(user: SessionUser, conversation: ConversationSummary): Permissions {
  const supervisor = user.role === 'supervisor' || user.role === 'admin';
  const isMine = conversation.state === 'assigned' && conversation.assignedTo?.id === user.id;
  const open = conversation.state === 'assigned' || conversation.state === 'waiting';
  return {
    canClaim: conversation.state === 'waiting',
    // Volunteers act only on their own; supervisors on anything still with a person.
    canAct: open && (isMine || supervisor),
    isMine,
  };
}

export function ConversationActions({
  conversation,
  user,
  volunteers,
  transferRef,
  resolveOpen,
  setResolveOpen,
}: {
  conversation: ConversationSummary;
  user: SessionUser;
  volunteers: readonly VolunteerPresence[];
  transferRef: RefObject<HTMLSelectElement | null>;
  resolveOpen: boolean;
  setResolveOpen: (open: boolean) => void;
}) {
  const t = useT();
  const action = useInboxAction(conversation.id);
  const [to, setTo] = useState('');
  const [notify, setNotify] = useState(true);
  const { canClaim, canAct } = permissionsFor(user, conversation);
  const candidates = volunteers.filter(v => v.user.id !== conversation.assignedTo?.id);

  return (
    <div className="conv-actions">
      {canClaim ? (
        <Button variant="primary" size="sm" shortcut="C" busy={action.isPending && action.variables?.kind === 'claim'} onClick={() => action.mutate({ kind: 'claim' })}>
          {t('inbox.claim')}
        </Button>
      ) : null}
      {canAct && conversation.state === 'assigned' ? (
        <Button size="sm" onClick={() => action.mutate({ kind: 'release' })} busy={action.isPending && action.variables?.kind === 'release'}>
          {t('inbox.release')}
        </Button>
      ) : null}
      {canAct ? (
        <span className="transfer">
          <label className="visually-hidden" htmlFor="transfer-to">
            {t('inbox.transferTo')}
          </label>
          <select id="transfer-to" ref={transferRef} value={to} onChange={event => setTo(event.target.value)}>
            <option value="">{t('inbox.transferTo')}</option>
            {candidates.map(v => (
              <option key={v.user.id} value={v.user.id}>
                {v.user.name} · {t(`presence.status.${v.status}`)} · {v.open}/{v.capacity}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            disabled={to === ''}
            busy={action.isPending && action.variables?.kind === 'transfer'}
            onClick={() => action.mutate({ kind: 'transfer', body: { toUserId: Number(to) } }, { onSuccess: () => setTo('') })}
          >
            {t('inbox.transfer')}
          </Button>
        </span>
      ) : null}
      {canAct ? (
        resolveOpen ? (
          <span className="resolve-confirm" role="group" aria-label={t('inbox.resolve')}>
            <label>
              <input type="checkbox" checked={notify} onChange={event => setNotify(event.target.checked)} /> {t('inbox.resolveNotify')}
            </label>
            <Button
              size="sm"
              variant="primary"
              autoFocus
              busy={action.isPending && action.variables?.kind === 'resolve'}
              onClick={() => action.mutate({ kind: 'resolve', body: { notifyCitizen: notify } }, { onSettled: () => setResolveOpen(false) })}
            >
              {t('inbox.resolveConfirm')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setResolveOpen(false)}>
              {t('action.cancel')}
            </Button>
          </span>
        ) : (
          <Button size="sm" shortcut="E" onClick={() => setResolveOpen(true)}>
            {t('inbox.resolve')}
          </Button>
        )
      ) : null}
    </div>
  );
}
