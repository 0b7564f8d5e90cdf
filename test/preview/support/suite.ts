/**
 * One preview suite's world: a fresh local cloud with the demo, one Chromium, and the phones its tests
 * open as the demo's people. After each test every phone is checked for uncaught page errors and
 * requests to the web, then closed; after the suite the browser and the cloud go, temp folder and all.
 *
 * The suite's clock starts at DEMO_NOW (web/harness/demo-cloud.ts) and runs on from there: the demo is
 * dated back from it, the functions count periods from it and the pages follow it (GET /clock.json).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { travelTo } from '../../../localcloud/clock';
import { launchChromium } from '../../../web/harness/chromium';
import { DEMO_NOW, startPreviewCloud, type PreviewCloud } from '../../../web/harness/demo-cloud';
import { Phone } from '../../../web/harness/phone';
import { openidOf } from './cast';

export interface PreviewSuite {
  readonly cloud: PreviewCloud;
  /** Opens the preview as the demo person called `name` (or as an openid given with `as:`) on `route`. */
  open(who: string | { as: string }, route: string): Promise<Phone>;
  openid(name: string): string;
}

/** `template`: whose demo organisation the cloud holds (jingmen's by default). */
export function previewSuite(options: { template?: string } = {}): PreviewSuite {
  let cloud: PreviewCloud | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const phones: Phone[] = [];
  let realTime: (() => void) | undefined;

  beforeAll(async () => {
    realTime = travelTo(DEMO_NOW);
    [cloud, browser] = await Promise.all([startPreviewCloud({ template: options.template }), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  }, 180_000);

  afterEach(async () => {
    const opened = phones.splice(0);
    const problems = (await Promise.all(opened.map((phone) => phone.problems()))).flat();
    await Promise.all(opened.map((phone) => phone.close()));
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
    realTime?.();
  });

  const ready = () => {
    if (!cloud || !context) throw new Error('the preview suite has not started');
    return { cloud, context };
  };
  return {
    get cloud() {
      return ready().cloud;
    },
    openid: (name) => openidOf(ready().cloud.cast, name),
    async open(who, route) {
      const { cloud: running, context: shared } = ready();
      const as = typeof who === 'string' ? openidOf(running.cast, who) : who.as;
      const phone = await Phone.open(shared, running.url, as, route);
      phones.push(phone);
      return phone;
    },
  };
}
