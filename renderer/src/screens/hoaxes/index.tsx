/** The hoax desk arrives with its own issue; until then the route says so. */
import { EmptyState } from '../../components/EmptyState.tsx';
import { useT } from '../../i18n/index.tsx';

export function HoaxesScreen() {
  const t = useT();
  return (
    <section className="screen">
      <EmptyState title={t('nav.hoaxes')} hint={t('hoaxes.placeholder')} />
    </section>
  );
}
