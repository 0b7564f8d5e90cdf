/**
 * One row of a ranking board (第十六条): competition rank (ties share it; 1–3 wear medal colours),
 * the member's initial as an avatar, name, branch and total (or score). `mine` marks the caller's own row
 * (tinted, edged and tagged 我).
 */
Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    rank: { type: null, value: null as number | null },
    name: { type: String, value: '' },
    branchName: { type: String, value: '' },
    /** What a member of the root directly is listed as (the template's words). */
    direct: { type: String, value: '总会直属' },
    total: { type: Number, value: 0 },
    mine: { type: Boolean, value: false },
  },

  data: {
    initial: '',
    medal: '',
  },

  observers: {
    name(name: string) {
      this.setData({ initial: name.slice(0, 1) });
    },
    rank(rank: number | null) {
      this.setData({ medal: rank === 1 ? 'gold' : rank === 2 ? 'silver' : rank === 3 ? 'bronze' : '' });
    },
  },
});
