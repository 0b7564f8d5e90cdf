/**
 * `npm start`: builds the cloud functions and the browser preview, then serves both from the local
 * cloud (SPEC §3). An empty store is seeded with the demo organisation of the template SCHEME names
 * (scripts/demos; jingmen by default) unless SEED=none. miniprogram_npm/ is packed first when it is missing (the preview runs TDesign from it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildFunctions } from './build';
import { buildPreview } from './build-preview';
import { MINIPROGRAM_ROOT, NPM_DIR } from './miniprogram-files';
import { packNpm } from './pack-npm';
import { demoOf, DEMOS } from './demos';
import { DEFAULT_TEMPLATE } from '../domain/schemes';
import { startLocalCloud } from '../localcloud/server';

async function main(): Promise<void> {
  const template = process.env.SCHEME?.trim() || DEFAULT_TEMPLATE;
  const demo = demoOf(template);
  const built = await buildFunctions();
  console.log(`built ${built.map((fn) => fn.name).join(', ')}`);
  if (!fs.existsSync(path.join(MINIPROGRAM_ROOT, NPM_DIR))) {
    console.log('packing miniprogram_npm (first run)…');
    await packNpm();
  }
  const preview = await buildPreview();
  console.log(`built the preview (${Math.round(preview.bytes / 1024)} KiB)`);
  const { port } = await startLocalCloud({ seed: (cloud) => demo.seed(cloud), template });
  const url = `http://127.0.0.1:${port}`;
  const others = Object.keys(DEMOS).filter((t) => t !== template).map((t) => `SCHEME=${t}`).join(', ');
  const call = (openid: string, body: object) =>
    `  curl -s ${url}/api/api -H 'Content-Type: application/json' -H 'X-Openid: ${openid}' -d '${JSON.stringify(body)}'`;
  console.log(
    [
      '',
      `Preview: ${url}/ — the mini-program in the browser, as a demo member. Switch people in the panel`,
      `on the left, or open ${url}/?as=<openid>#/pages/<page>/index (e.g. ?as=${demo.reviewer}#/pages/inbox/index).`,
      '',
      `Or call the api (X-Openid is the caller; the ${template} demo has these people, all in ${url}/demo.json):`,
      ...demo.tryFirst.map(([openid, action, payload]) => call(openid, { action, payload })),
      `  curl -s ${url}/health`,
      `  curl -s ${url}/demo.json`,
      '',
      `Secretariat: ${demo.secretariat}. Another template: ${others}, with a new LOCALCLOUD_DIR. Ctrl-C stops.`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // The local cloud's own refusals (a damaged store) are sentences for the person starting it.
  const message = (error as Error)?.message ?? String(error);
  console.error(message.startsWith('localcloud:') ? message : error);
  process.exit(1);
});
