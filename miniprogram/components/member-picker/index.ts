/**
 * Finds members by name in the directory (members.list) and reports the one tapped: the attendance
 * list of a collective event, the recipients of an award, the member whose dues are recorded.
 * Nothing is fetched until the user types or asks for the list, so a page's first screen stays one call.
 */
import type { Branch, DirectoryMember } from '../../../typings/api';
import { ApiCallError, call } from '../../services/api';

/** Typing pauses this long before the directory is asked. */
const SEARCH_DELAY_MS = 300;

interface Session {
  timer: ReturnType<typeof setTimeout> | null;
  searches: number;
}

const sessions = new WeakMap<object, Session>();

function sessionOf(picker: object): Session {
  let session = sessions.get(picker);
  if (!session) {
    session = { timer: null, searches: 0 };
    sessions.set(picker, session);
  }
  return session;
}

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    /** Members already chosen (or the caller, who may not award themselves): shown as taken. */
    excludeIds: { type: Array, value: [] as string[] },
    placeholder: { type: String, value: '输入姓名查找会员' },
  },

  data: {
    search: '',
    members: [] as DirectoryMember[],
    cursor: null as string | null,
    loading: false,
    searched: false,
    errorMessage: '',
    taken: {} as Record<string, boolean>,
  },

  observers: {
    excludeIds(ids: string[]) {
      this.setData({ taken: Object.fromEntries(ids.map((id) => [id, true])) });
    },
  },

  lifetimes: {
    detached() {
      const timer = sessionOf(this).timer;
      if (timer) clearTimeout(timer);
    },
  },

  methods: {
    onChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const session = sessionOf(this);
      this.setData({ search: event.detail.value });
      if (session.timer) clearTimeout(session.timer);
      session.timer = setTimeout(() => this.find(), SEARCH_DELAY_MS);
    },

    onSubmit() {
      const session = sessionOf(this);
      if (session.timer) clearTimeout(session.timer);
      session.timer = null;
      this.find();
    },

    async find(more = false): Promise<void> {
      const session = sessionOf(this);
      session.timer = null;
      const search = this.data.search.trim();
      const thisSearch = ++session.searches;
      this.setData({ loading: true, errorMessage: '' });
      try {
        const payload: { search?: string; cursor?: string } = {};
        if (search) payload.search = search;
        if (more && this.data.cursor) payload.cursor = this.data.cursor;
        const page = await call('members.list', payload);
        if (thisSearch !== session.searches) return;
        this.setData({ members: more ? [...this.data.members, ...page.members] : page.members, cursor: page.cursor, searched: true });
        this.triggerEvent('branches', { branches: page.branches as Branch[] });
      } catch (error) {
        if (thisSearch !== session.searches) return;
        if (!(error instanceof ApiCallError)) console.error('member-picker: members.list failed', error);
        this.setData({ errorMessage: error instanceof ApiCallError ? error.message : '查找失败，请稍后重试' });
      } finally {
        if (thisSearch === session.searches) this.setData({ loading: false });
      }
    },

    onMore() {
      this.find(true);
    },

    onPick(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const member = this.data.members[event.currentTarget.dataset.index];
      if (!member || this.data.taken[member._id]) return;
      this.triggerEvent('pick', { member });
    },
  },
});
