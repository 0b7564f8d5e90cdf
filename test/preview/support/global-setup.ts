/** The preview suites run the deployable function bundles and the preview as `npm start` builds them. */
import { buildFunctions } from '../../../scripts/build';
import { buildPreview } from '../../../scripts/build-preview';

export default async function globalSetup(): Promise<void> {
  await buildFunctions();
  await buildPreview();
}
