/**
 * 我的: who I am in the association. The first screen costs one cloud call (`me.get`, SPEC §7).
 * Written with Component() like every page, so miniprogram-simulate can load it in tests.
 */
import type { Member } from '../../../typings/api';
import { ApiCallError, call } from '../../services/api';

type Status = 'loading' | 'error' | 'loaded';

const LOAD_FAILED_MESSAGE = '加载失败，请稍后重试';

Component({
  data: {
    status: 'loading' as Status,
    errorMessage: '',
    member: null as Member | null,
    inboxCount: 0,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const me = await call('me.get', {});
        this.setData({ status: 'loaded', member: me.member, inboxCount: me.inboxCount });
      } catch (error) {
        if (!(error instanceof ApiCallError)) console.error('mine: me.get failed unexpectedly', error);
        this.setData({
          status: 'error',
          errorMessage: error instanceof ApiCallError ? error.message : LOAD_FAILED_MESSAGE,
        });
      }
    },

    onRetry() {
      this.load();
    },
  },
});
