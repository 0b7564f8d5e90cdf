/**
 * My totals for this month, this year and all time, each with my rank on the association board
 * (第十六条). Where the template scores an annual cycle out of its parts (seeds/002: 基础分 70, 特色分
 * 20, 评议分 10), the month's points, the cycle's score and rank by score, and each part against its
 * maximum. `standings` is home.get's; null shows dashes (an account that is not bound).
 */
import type { CycleStanding, Standing } from '../../../typings/api';
import { periodLabel } from '../../format/dates';

type Standings = { month: Standing; year: Standing; all: Standing; cycle?: CycleStanding };

interface Column {
  period: 'month' | 'year' | 'all' | 'cycle';
  title: string;
  total: string;
  rank: string;
}

export interface PartView {
  id: string;
  name: string;
  text: string;
  /** Width of the bar, 0–100. */
  percent: number;
}

const TITLES = { month: '本月', year: '本年', all: '累计' } as const;

/** '2026-11' → '11月', '2026' → '2026年'. */
function periodTitle(key: string): string {
  const month = key.split('-')[1];
  return month ? `${Number(month)}月` : periodLabel(key);
}

const rankText = (standing: Standing | null | undefined) => (standing?.rank ? `第 ${standing.rank} 名` : '暂无排名');

export function columnsOf(standings: Standings | null): Column[] {
  const cycle = standings?.cycle;
  if (standings && cycle?.score !== undefined) {
    return [
      { period: 'month', title: periodTitle(standings.month.key), total: String(standings.month.total), rank: rankText(standings.month) },
      { period: 'cycle', title: `${cycle.key}年度得分`, total: String(cycle.score), rank: rankText(cycle) },
    ];
  }
  return (['month', 'year', 'all'] as const).map((period) => {
    const standing = standings ? standings[period] : null;
    return {
      period,
      title: standing && period !== 'all' ? periodTitle(standing.key) : TITLES[period],
      total: standing ? String(standing.total) : '–',
      rank: rankText(standing),
    };
  });
}

/** '基础分 65/70' with its bar; none where the template has no composition. */
export function partsOf(standings: Standings | null): PartView[] {
  return (standings?.cycle?.components ?? []).map((part) => ({
    id: part.id,
    name: part.name,
    text: `${part.points}/${part.max}`,
    percent: part.max > 0 ? Math.max(0, Math.min(100, Math.round((part.points / part.max) * 100))) : 0,
  }));
}

Component({
  options: { addGlobalClass: true },

  properties: {
    standings: { type: Object, value: null as unknown as Record<string, Standing> },
  },

  data: {
    columns: columnsOf(null),
    parts: [] as PartView[],
  },

  observers: {
    standings(standings: Standings | null) {
      this.setData({ columns: columnsOf(standings), parts: partsOf(standings) });
    },
  },

  methods: {
    onTapColumn(event: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('select', { period: event.currentTarget.dataset.period as Column['period'] });
    },
  },
});
