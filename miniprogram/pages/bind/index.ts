/**
 * 绑定: the first run of an account that is not a member yet. The secretariat hands each member an
 * invite code (admin.members.import); entering it binds this WeChat account to that member (me.bind,
 * one account per member), then the mini-program starts over with the member's first screen: at 我的,
 * or back at the tab page that sent them here (`?from=report`: 申报 keeps its draft and restores it).
 * Opening this page costs no cloud call.
 */
import { ApiCallError, call, knownTerms, newRequestId } from '../../services/api';
import { bindHelpOf } from './bind-help';
import { isPageName, isTabPage, PAGES, restartAtHome, type PageName } from '../../navigation/routes';

const INVITE_CODE = /^[A-Z0-9]{6,12}$/;
const BIND_FAILED_MESSAGE = '绑定失败，请稍后重试';

/** Codes are read aloud and typed by hand: ignore spaces and case. */
export function normalizeInviteCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

const requestIds = new WeakMap<object, string>();
/** The tab page to start over at once bound, when one sent the person here. */
const returnPages = new WeakMap<object, PageName>();

Component({
  data: {
    code: '',
    error: '',
    binding: false,
    help: bindHelpOf(null),
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const from = query.from;
      if (isPageName(from) && isTabPage(from)) returnPages.set(this, from);
      this.setData({ help: bindHelpOf(knownTerms()) });
    },

    onCodeChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      requestIds.delete(this);
      this.setData({ code: normalizeInviteCode(String(event.detail.value ?? '')), error: '' });
    },

    async onBind() {
      if (this.data.binding) return;
      const inviteCode = normalizeInviteCode(this.data.code);
      if (!INVITE_CODE.test(inviteCode)) {
        this.setData({ error: '邀请码为 6–12 位字母或数字，请核对后重新输入' });
        return;
      }
      const requestId = requestIds.get(this) ?? newRequestId();
      requestIds.set(this, requestId);
      this.setData({ binding: true, error: '' });
      try {
        const { member } = await call('me.bind', { inviteCode }, { requestId });
        wx.showToast({ title: `欢迎，${member.name}`, icon: 'success' });
        const back = returnPages.get(this);
        // reLaunch, not navigateBack: every page shown so far was drawn for someone not yet bound.
        if (back) wx.reLaunch({ url: PAGES[back] });
        else restartAtHome();
      } catch (error) {
        if (!(error instanceof ApiCallError)) console.error('bind: me.bind failed unexpectedly', error);
        this.setData({ error: error instanceof ApiCallError ? error.message : BIND_FAILED_MESSAGE });
      } finally {
        this.setData({ binding: false });
      }
    },
  },
});
