import { formatCount, formatDate } from '../format.ts';
import { textReplies } from '../messages.ts';
import { say, type Turn } from '../turn.ts';

/**
 * Data terkini: the province table, every kabupaten/kota with the figures staff last published,
 * most confirmed cases first, and the province total.
 */
export function showData(turn: Turn): void {
  const { t } = turn;
  const withFigures = turn.content.regions.filter(r => r.figures !== null);
  if (withFigures.length === 0) {
    say(turn, ...textReplies(`${t.data.title}\n\n${t.data.none}\n\n${t.common.menuHint}`));
  } else {
    const sorted = [...turn.content.regions].sort(
      (a, b) => (b.figures?.confirmed ?? -1) - (a.figures?.confirmed ?? -1) || a.name.localeCompare(b.name)
    );
    const n = (v: number | null) => formatCount(v, t, t.radar.notAvailable);
    const rows = sorted.map(r => {
      const f = r.figures;
      if (!f) return t.data.noRow(r.name);
      return t.data.row(r.name, n(f.confirmed), n(f.recovered), n(f.deaths), f.zone ? t.radar.zoneIcons[f.zone] : '');
    });
    const sum = (key: 'confirmed' | 'recovered' | 'deaths') => withFigures.reduce((acc, r) => acc + (r.figures?.[key] ?? 0), 0);
    const dates = withFigures.map(r => r.figures?.date).filter((d): d is string => typeof d === 'string').sort();
    const latest = dates[dates.length - 1];
    const parts = [
      t.data.title,
      `_${t.data.legend}_`,
      rows.join('\n'),
      t.data.total(n(sum('confirmed')), n(sum('recovered')), n(sum('deaths'))),
      latest ? `_${t.data.asOf(formatDate(latest, t))}_` : null,
      t.data.more,
    ];
    say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  }
  turn.state.pending = null;
  turn.out.feature = 'data';
  turn.out.answered = true;
}
