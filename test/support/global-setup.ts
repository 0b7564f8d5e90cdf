/** Builds the cloud functions once before the suites, so every test runs the deployable bundles. */
import { buildFunctions } from '../../scripts/build';

export default async function globalSetup(): Promise<void> {
  await buildFunctions();
}
