/**
 * Working the preview as a person at the desktop would: open it as someone on a page, tap what the
 * page shows, type, pick files, answer WeChat's dialogs. Every preview page opened here records
 * uncaught page errors and any request that would leave this machine, for the journeys to assert on.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** What the preview's shell records for WeChat's side of things (web/runtime/shell/wechat-log.ts). */
export interface WechatEntry {
  kind: string;
  title: string;
  detail: string;
  data?: unknown;
}

export class Phone {
  /** Requests for anything but the local gateway (the preview must fetch nothing from the web). */
  readonly external: string[] = [];
  readonly crashes: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly base: string,
  ) {}

  /**
   * A page (a phone) in the suite's browser context. The context is shared, as the HTTP cache is:
   * the preview's script is compiled once per suite, not once per phone. Storage is per caller
   * (wx/storage.ts), so phones of different people do not see each other's.
   */
  static async open(context: BrowserContext, base: string, as: string, route: string): Promise<Phone> {
    return Phone.attach(await context.newPage(), base, as, route);
  }

  /** The preview in `page` (a page set up by the caller, e.g. with its network cut), as `as` on `route`. */
  static async attach(page: Page, base: string, as: string, route: string): Promise<Phone> {
    const phone = new Phone(page, base);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) phone.external.push(url);
    });
    page.on('pageerror', (error) => phone.crashes.push(error.message));
    await phone.goto(as, route);
    return phone;
  }

  /** Opens `route` ('pages/mine/index', with an optional query) as `as`, and waits for the page to be there. */
  async goto(as: string, route: string): Promise<void> {
    await this.page.goto(`${this.base}/?as=${encodeURIComponent(as)}#/${route}`);
    await this.page.waitForSelector('body[data-ready]');
  }

  /** The page on screen (the others of the stack stay alive but hidden). */
  get screen(): Locator {
    return this.page.locator('.page-frame[data-current]');
  }

  /** WeChat's own layer over the page: dialogs, sheets, toasts. */
  get wechatLayer(): Locator {
    return this.page.locator('.overlay-layer');
  }

  /** Taps the first visible element on screen matching `selector` (and containing `text`). */
  async tap(selector: string, text?: string | RegExp): Promise<void> {
    const target = text === undefined ? this.screen.locator(selector) : this.screen.locator(selector, { hasText: text });
    await target.first().click();
  }

  /** Taps the tab bar's item `text`. */
  async tab(text: string): Promise<void> {
    await this.page.locator('.tab-bar__item', { hasText: text }).click();
  }

  /** Waits until `text` shows on the current page. */
  async sees(text: string | RegExp, selector = '*'): Promise<Locator> {
    const found = this.screen.locator(selector, { hasText: text }).last();
    await found.waitFor({ state: 'visible' });
    return found;
  }

  /** Waits until `text` shows in WeChat's layer (a toast, a dialog). */
  async seesWechat(text: string | RegExp): Promise<void> {
    await this.wechatLayer.getByText(text).first().waitFor({ state: 'visible' });
  }

  /** Waits until a toast saying `text` has shown (it may already be gone: a toast lasts 1.5 s). */
  async toasted(text: string): Promise<void> {
    await this.page.waitForFunction((wanted) => {
      const preview = (globalThis as unknown as { __preview?: { toasts: string[] } }).__preview;
      return Boolean(preview?.toasts.some((title) => title.includes(wanted)));
    }, text);
  }

  /** Answers WeChat's modal dialog with its button `label`. */
  async answerModal(label: string): Promise<void> {
    await this.wechatLayer.locator('.dialog__button', { hasText: label }).click();
  }

  /** Drags `target` by `dy` px with the mouse, slowly, as a finger moves a picker's column. */
  async drag(target: Locator, dy: number): Promise<void> {
    // A popup slides in: start once the target has stopped moving.
    let box = await target.boundingBox();
    for (let tries = 0; tries < 50; tries++) {
      await this.page.waitForTimeout(100);
      const now = await target.boundingBox();
      if (box && now && now.x === box.x && now.y === box.y) break;
      box = now;
    }
    if (!box) throw new Error('nothing to drag');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + dy, { steps: 12 });
    // A finger that rests before lifting leaves no speed behind: the wheel stops where it was let go.
    await this.page.waitForTimeout(400);
    await this.page.mouse.move(x, y + dy);
    await this.page.mouse.up();
  }

  async type(selector: string, text: string): Promise<void> {
    await this.screen.locator(selector).locator('input, textarea').first().fill(text);
  }

  /** Taps `selector`, which opens the file chooser, and picks `files` there. */
  async choose(selector: string, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.tap(selector);
    await (await chooser).setFiles(files);
  }

  /** Picks `label` in WeChat's picker sheet and confirms. */
  async pick(...labels: string[]): Promise<void> {
    const sheet = this.wechatLayer.locator('.picker');
    await sheet.waitFor({ state: 'visible' });
    for (const [column, label] of labels.entries()) {
      await sheet.locator(`.picker__column[data-column="${column}"] .picker__row`, { hasText: label }).first().click();
    }
    await sheet.locator('.picker__confirm').click();
  }

  // The page's own globals are read with expressions: this module runs in node, without the DOM's types.

  async caller(): Promise<string | null> {
    return this.page.evaluate<string | null>("new URLSearchParams(location.search).get('as')");
  }

  async route(): Promise<string | null> {
    return this.page.evaluate<string | null>('window.__preview ? window.__preview.route() : null');
  }

  /** What WeChat did that only the 微信 log shows: shares, subscription requests, copies. */
  async wechatLog(): Promise<WechatEntry[]> {
    return this.page.evaluate<WechatEntry[]>('window.__preview ? window.__preview.wechat : []');
  }

  /** Uncaught page errors (the preview's record and the browser's), and requests that left the machine. */
  async problems(): Promise<string[]> {
    const recorded = await this.page
      .evaluate<string[]>('(window.__preview ? window.__preview.errors : []).map((e) => e.message)')
      .catch(() => [] as string[]);
    return [...recorded, ...this.crashes.map((c) => `crash: ${c}`), ...this.external.map((u) => `fetched from the web: ${u}`)];
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
