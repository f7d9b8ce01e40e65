/** Online or away, how many conversations I take at once, and the team's free places. */
import type { InboxResponse } from '../../../../bot-service/contract/inbox.ts';
import { useT } from '../../i18n/index.tsx';
import { setPresence, usePresence } from './presence.ts';

export function PresenceBar({ inbox }: { inbox: InboxResponse }) {
  const t = useT();
  const presence = usePresence();
  const online = inbox.volunteers.filter(v => v.status === 'online').length;
  return (
    <div className="presence" role="group" aria-label={t('presence.label')}>
      <label className="presence-toggle">
        <input
          type="checkbox"
          checked={presence.status === 'online'}
          onChange={event => setPresence({ status: event.target.checked ? 'online' : 'away' })}
        />
        <span>{presence.status === 'online' ? t('presence.online') : t('presence.away')}</span>
      </label>
      <label className="presence-capacity">
        <span>{t('presence.capacity')}</span>
        <select value={presence.capacity ?? inbox.me.capacity} onChange={event => setPresence({ capacity: Number(event.target.value) })}>
          {[1, 2, 3, 4, 5, 6, 8, 10, 15, 20].map(n => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span className="muted presence-team">
        {t('presence.team', { online, free: inbox.freeCapacity, open: inbox.me.open, capacity: inbox.me.capacity })}
      </span>
    </div>
  );
}
