/**
 * My totals for this month, this year and all time, each with my rank on the association board
 * (第十六条). `standings` is home.get's; null shows dashes (an account that is not bound).
 */
import type { Standing } from '../../../typings/api';
import { periodLabel } from '../../format/dates';

interface Column {
  period: 'month' | 'year' | 'all';
  title: string;
  total: string;
  rank: string;
}

const TITLES = { month: '本月', year: '本年', all: '累计' } as const;

/** '2026-11' → '11月', '2026' → '2026年'. */
function periodTitle(key: string): string {
  const month = key.split('-')[1];
  return month ? `${Number(month)}月` : periodLabel(key);
}

export function columnsOf(standings: { month: Standing; year: Standing; all: Standing } | null): Column[] {
  return (['month', 'year', 'all'] as const).map((period) => {
    const standing = standings ? standings[period] : null;
    return {
      period,
      title: standing && period !== 'all' ? periodTitle(standing.key) : TITLES[period],
      total: standing ? String(standing.total) : '–',
      rank: standing?.rank ? `第 ${standing.rank} 名` : '暂无排名',
    };
  });
}

Component({
  options: { addGlobalClass: true },

  properties: {
    standings: { type: Object, value: null as unknown as Record<string, Standing> },
  },

  data: {
    columns: columnsOf(null),
  },

  observers: {
    standings(standings: { month: Standing; year: Standing; all: Standing } | null) {
      this.setData({ columns: columnsOf(standings) });
    },
  },

  methods: {
    onTapColumn(event: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('select', { period: event.currentTarget.dataset.period as Column['period'] });
    },
  },
});
