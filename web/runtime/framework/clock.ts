/**
 * The pages' clock follows the local cloud's (GET /clock.json). Where the cloud's clock was moved
 * (LOCALCLOUD_NOW, a test's pinned day), `new Date()` and `Date.now()` in the pages answer the
 * cloud's time, so a page counts today, this month and this year as the functions do. A cloud on the
 * real time leaves the browser's clock alone.
 */
import { travelTo } from '../../../localcloud/clock';

/** Less than this apart is the same clock (the round trip, the two machines' drift). */
const SAME_CLOCK_MS = 2000;

export async function followCloudClock(): Promise<void> {
  const response = await fetch('/clock.json', { cache: 'no-store' }).catch(() => null);
  if (!response?.ok) return;
  const { now } = (await response.json()) as { now?: unknown };
  if (typeof now === 'number' && Math.abs(now - Date.now()) > SAME_CLOCK_MS) travelTo(new Date(now));
}
