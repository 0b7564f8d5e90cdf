/**
 * TEST_NOW=<ISO time> runs every node and page suite as if the run had started then (the clock runs on
 * from there; a suite that moves the clock itself still does). It finds tests that pass on one day and
 * fail on another, before CI meets that day:
 *
 *   TEST_NOW=2027-01-01T00:05:00+08:00 npx jest --selectProjects node pages
 *
 * A gateway a suite spawns gets it as LOCALCLOUD_NOW. Unset, as in CI, the clock is the machine's.
 * The preview's suites start at their own fixed moment (DEMO_NOW in web/harness/demo-cloud.ts).
 */
import { startClockAt } from '../../localcloud/clock';

if (process.env.TEST_NOW) {
  startClockAt(process.env.TEST_NOW);
  // A local cloud the suite starts as a process of its own (the gateway's tests) starts there too.
  process.env.LOCALCLOUD_NOW ??= process.env.TEST_NOW;
}
