/**
 * Before the suites: the run's own temporary folder (test/support/temp-guard.ts), and the cloud
 * functions built once, so every test runs the deployable bundles.
 */
import { buildFunctions } from '../../scripts/build';
import { claimTempDir } from './temp-guard';

export default async function globalSetup(): Promise<void> {
  claimTempDir();
  await buildFunctions();
}
