/** After the suites: the run's temporary folder must be empty (test/support/temp-guard.ts). */
import { releaseTempDir } from './temp-guard';

export default async function globalTeardown(): Promise<void> {
  const left = releaseTempDir();
  if (left.length > 0) {
    throw new Error(`the tests left ${left.length} entries in the temporary folder: ${left.slice(0, 20).join(', ')}`);
  }
}
