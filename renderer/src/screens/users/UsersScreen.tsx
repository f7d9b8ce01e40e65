/** Administration: console accounts and the audit log (admins only). */
import { useT } from '../../i18n/index.tsx';
import { AuditLog } from './AuditLog.tsx';
import { UsersTable } from './UsersTable.tsx';
import './users.css';

export function UsersScreen() {
  const t = useT();
  return (
    <section className="screen users" aria-labelledby="users-screen-title">
      <div className="screen-header">
        <h1 id="users-screen-title">{t('nav.users')}</h1>
      </div>
      <UsersTable />
      <AuditLog />
    </section>
  );
}
