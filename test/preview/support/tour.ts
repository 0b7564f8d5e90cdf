/**
 * A tour of a person's pages on a template's demo: one phone, each page opened in turn, each showing
 * what it must in the template's words, with no error screen and no word of another template.
 */
import type { Phone } from '../../../web/harness/phone';

export interface Stop {
  route: string;
  /** What the loaded page shows, and where. */
  shows: string | RegExp;
  selector?: string;
  /** What a person of this page goes on to do before the page counts as seen. */
  then?: (phone: Phone) => Promise<void>;
}

/** Opens each stop on `phone` as `as`; `foreign` is what the template never says (会员 where it says 户 or 员工). */
export async function tour(phone: Phone, as: string, stops: readonly Stop[], foreign: RegExp): Promise<void> {
  for (const stop of stops) {
    await phone.goto(as, stop.route);
    await phone.sees(stop.shows, stop.selector);
    await stop.then?.(phone);
    const seen = `${stop.route} as ${as}`;
    expect([seen, await phone.screen.locator('.state-view--error').count()]).toEqual([seen, 0]);
    expect([seen, await phone.screen.getByText(foreign).allInnerTexts()]).toEqual([seen, []]);
  }
}

/** The titles of the tiles on 我的, in order. */
export async function tilesOf(phone: Phone, as: string): Promise<string[]> {
  await phone.goto(as, 'pages/mine/index');
  await phone.screen.locator('.link__title').first().waitFor();
  return phone.screen.locator('.link__title').allInnerTexts();
}
