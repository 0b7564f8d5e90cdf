/** The preview's phone: 375 CSS px wide, so 750rpx = 375px (as in web/build/styles.ts). */
export const SCREEN_WIDTH = 375;
export const SCREEN_HEIGHT = 812;
export const STATUS_BAR_HEIGHT = 44;
export const NAVIGATION_BAR_HEIGHT = 44;
export const TAB_BAR_HEIGHT = 50;

export function rpxToPx(text: string): string {
  return text.replace(/(-?\d*\.?\d+)rpx/g, (_all, n: string) => `${+((Number(n) * SCREEN_WIDTH) / 750).toFixed(3)}px`);
}
