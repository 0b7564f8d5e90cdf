/**
 * 管理 (secretariat): members and invite codes, importing the roster, dues, exporting a board, and for
 * a template with 固定积分 the way to 出勤录入 and 零分负分名单. Each tab is a panel of its own; they
 * stay mounted so a pasted sheet survives a look at the member list.
 * The first screen is the member list: one call (members.list), which also names the branches.
 * Who may do what is the server's to decide: a caller without the secretariat role sees its refusal.
 */
import type { Branch, SchemeTerms } from '../../../typings/api';
import { goTo } from '../../navigation/routes';

type Tab = 'members' | 'import' | 'dues' | 'export';

interface MembersPanel {
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

Component({
  data: {
    tab: 'members' as Tab,
    branches: [] as Branch[],
    terms: null as SchemeTerms | null,
  },

  methods: {
    onLoad(options: Record<string, string | undefined>) {
      const tab = options.tab;
      if (tab === 'import' || tab === 'dues' || tab === 'export') this.setData({ tab });
    },

    membersPanel(): MembersPanel | null {
      return this.selectComponent('#members') as unknown as MembersPanel | null;
    },

    onTabChange(event: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      this.setData({ tab: event.detail.value });
    },

    onBranches(event: WechatMiniprogram.CustomEvent<{ branches: Branch[]; terms: SchemeTerms }>) {
      const { branches, terms } = event.detail;
      // A template without dues has no 会费 tab.
      this.setData({ branches, terms, ...(this.data.tab === 'dues' && !terms.dues ? { tab: 'members' } : {}) });
    },

    onPullDownRefresh() {
      const panel = this.data.tab === 'members' ? this.membersPanel() : null;
      (panel ? panel.reload() : Promise.resolve()).then(() => wx.stopPullDownRefresh());
    },

    /** 人力资源部's pages of a template with 固定积分 (seeds/004 五、1, 六、4): 出勤录入, 零分负分名单. */
    onOpen(event: WechatMiniprogram.TouchEvent) {
      const page = event.currentTarget.dataset.page;
      if (page === 'attendance' || page === 'negatives') goTo(page);
    },

    onReachBottom() {
      if (this.data.tab === 'members') this.membersPanel()?.loadMore();
    },
  },
});
