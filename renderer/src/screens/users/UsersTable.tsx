/** Console accounts: create, change role or name, disable, reset a password, end sessions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CreateUserRequest, RevokeSessionsResponse, Role, UpdateUserRequest, UserListResponse, UserResponse, UserView } from '../../../../bot-service/contract/auth.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useSession } from '../../api/session.tsx';
import { Button } from '../../components/Button.tsx';
import { describeError } from '../../components/ErrorState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { showToast } from '../../components/Toast.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { dateTime } from '../../lib/time.ts';
import { roleLabels } from '../../routes.ts';

const roles: Role[] = ['volunteer', 'supervisor', 'official', 'admin'];

function useUserMutation() {
  const t = useT();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; method: 'POST' | 'PATCH'; body: unknown }) => apiFetch<unknown>(input.path, { method: input.method, body: input.body }),
    onSuccess: () => showToast(t('users.saved')),
    onError: error => {
      const { title, hint } = describeError(t, error);
      showToast(`${title} ${hint}`, 'danger');
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}

function CreateUserForm() {
  const t = useT();
  const [form, setForm] = useState<CreateUserRequest>({ username: '', password: '', role: 'volunteer', displayName: '' });
  const mutation = useUserMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateUserRequest = { ...form, displayName: form.displayName?.trim() ? form.displayName.trim() : null };
    mutation.mutate(
      { path: '/api/users', method: 'POST', body },
      { onSuccess: () => setForm({ username: '', password: '', role: 'volunteer', displayName: '' }) }
    );
  };
  return (
    <form className="user-create" onSubmit={submit} aria-label={t('users.create')}>
      <label className="field">
        <span>{t('users.username')}</span>
        <input required minLength={3} maxLength={32} value={form.username} onChange={e => setForm({ ...form, username: e.target.value })} autoComplete="off" />
      </label>
      <label className="field">
        <span>{t('users.displayName')}</span>
        <input maxLength={80} value={form.displayName ?? ''} onChange={e => setForm({ ...form, displayName: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('users.role')}</span>
        <select value={form.role} onChange={e => setForm({ ...form, role: e.target.value as Role })}>
          {roles.map(r => (
            <option key={r} value={r}>
              {t(roleLabels[r])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('users.password')}</span>
        <input type="password" required minLength={8} value={form.password} onChange={e => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
      </label>
      <Button type="submit" variant="primary" busy={mutation.isPending}>
        {t('users.create')}
      </Button>
    </form>
  );
}

function UserRow({ user, me }: { user: UserView; me: number }) {
  const t = useT();
  const { lang } = useLang();
  const mutation = useUserMutation();
  const [password, setPassword] = useState<string | null>(null);
  const patch = (body: UpdateUserRequest) => mutation.mutate({ path: `/api/users/${user.id}`, method: 'PATCH', body });
  const self = user.id === me;
  return (
    <tr data-username={user.username}>
      <td>
        <b>{user.username}</b>
        {self ? <span className="muted"> ({t('users.you')})</span> : null}
      </td>
      <td>
        <input
          aria-label={t('users.displayName')}
          defaultValue={user.displayName ?? ''}
          maxLength={80}
          onBlur={e => {
            const value = e.target.value.trim();
            if (value !== (user.displayName ?? '')) patch({ displayName: value === '' ? null : value });
          }}
        />
      </td>
      <td>
        <select aria-label={t('users.role')} value={user.role} disabled={self} onChange={e => patch({ role: e.target.value as Role })}>
          {roles.map(r => (
            <option key={r} value={r}>
              {t(roleLabels[r])}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? <StatusBadge tone="danger">{t('users.disabled')}</StatusBadge> : <StatusBadge tone="success">{t('users.active')}</StatusBadge>}</td>
      <td className="muted">{user.lastLoginAt !== null ? dateTime(user.lastLoginAt, localeOf(lang)) : t('users.never')}</td>
      <td>
        <div className="user-actions">
          {!self ? (
            <Button size="sm" variant={user.disabled ? 'secondary' : 'danger'} onClick={() => patch({ disabled: !user.disabled })}>
              {user.disabled ? t('users.enable') : t('users.disable')}
            </Button>
          ) : null}
          {password === null ? (
            <Button size="sm" onClick={() => setPassword('')}>
              {t('users.resetPassword')}
            </Button>
          ) : (
            <span className="user-password">
              <input
                type="password"
                aria-label={t('users.newPassword')}
                placeholder={t('users.newPassword')}
                minLength={8}
                value={password}
                onChange={e => setPassword(e.target.value)}
                autoComplete="new-password"
              />
              <Button size="sm" variant="primary" disabled={password.length < 8} onClick={() => mutation.mutate({ path: `/api/users/${user.id}`, method: 'PATCH', body: { password } }, { onSuccess: () => setPassword(null) })}>
                {t('action.save')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setPassword(null)}>
                {t('action.cancel')}
              </Button>
            </span>
          )}
          <Button
            size="sm"
            variant="ghost"
            onClick={() =>
              void apiFetch<RevokeSessionsResponse>(`/api/users/${user.id}/revoke-sessions`, { method: 'POST', body: {} }).then(
                r => showToast(t('users.revoked', { count: r.revoked })),
                error => showToast(describeError(t, error).title, 'danger')
              )
            }
          >
            {t('users.revoke')}
          </Button>
        </div>
      </td>
    </tr>
  );
}

export function UsersTable() {
  const t = useT();
  const { user } = useSession();
  const users = useQuery({
    queryKey: queryKeys.users(),
    queryFn: ({ signal }) => apiFetch<UserListResponse>('/api/users', { signal }),
  });
  return (
    <section className="panel" aria-labelledby="users-title">
      <div className="panel-header">
        <h2 id="users-title">{t('users.title')}</h2>
      </div>
      <div className="panel-body users-body">
        <CreateUserForm />
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t('users.username')}</th>
                <th>{t('users.displayName')}</th>
                <th>{t('users.role')}</th>
                <th>{t('users.status')}</th>
                <th>{t('users.lastLogin')}</th>
                <th>{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map(u => (
                <UserRow key={u.id} user={u} me={user?.id ?? 0} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

export type { UserResponse };
