/** What the wx shim works with: the caller, the cloud, the phone's UI and the page stack. */
import type { PageStack } from '../framework/pages';
import type { Overlays } from '../shell/overlays';
import type { Phone } from '../shell/phone';
import type { WechatLog } from '../shell/wechat-log';
import type { CloudClient } from './cloud';

export interface WxContext {
  openid: string;
  appName: string;
  cloud: CloudClient;
  overlays: Overlays;
  phone: Phone;
  log: WechatLog;
  pages: PageStack;
  /** Resolves an image source (cloud fileID, temporary file, the mini-program's own file) to a URL. */
  resolveImage(src: string, ownerPath: string | null): Promise<string>;
}
