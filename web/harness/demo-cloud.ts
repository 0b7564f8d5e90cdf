/**
 * A fresh local cloud for the preview's journeys and gallery: a temporary data folder, a template's
 * demo organisation seeded through the real api as `npm start` does (jingmen's by default; or
 * nothing, for an association that has just started), the gateway on a free port serving the
 * preview. close() stops it and removes the folder.
 */
import * as fs from 'fs';
import type { Server } from 'http';
import * as os from 'os';
import * as path from 'path';
import { createGateway, listen } from '../../localcloud/gateway';
import type { DemoCast } from '../../localcloud/preview';
import { LocalCloud } from '../../localcloud/runtime';
import { demoOf } from '../../scripts/demos';

export interface PreviewCloud {
  url: string;
  cloud: LocalCloud;
  /** The demo's people; none when the cloud started empty. */
  cast: DemoCast;
  close(): Promise<void>;
}

/**
 * The moment the journeys and the gallery start the cloud's clock at (it runs on from there; the
 * pages follow it, GET /clock.json): a Wednesday morning in the middle of a month and of a quarter,
 * so the month's boards hold the demo's recent weeks and no month, quarter or 公示 window turns while
 * they run. They see the same organisation whatever day they run; on the 1st of a month the
 * month's boards would be empty. Days at the edges are tested on their own, with the clock moved there.
 */
export const DEMO_NOW = new Date('2026-11-18T10:00:00+08:00');

/** The secretariat's openid in these clouds, as `npm start` has it by default. */
export const ADMIN_OPENID = 'local-admin';

export async function startPreviewCloud(options: { empty?: boolean; template?: string } = {}): Promise<PreviewCloud> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-cloud-'));
  const cloud = new LocalCloud({ dir, functionEnv: { ADMIN_OPENIDS: ADMIN_OPENID } });
  let server: Server | null = null;
  try {
    const { cast } = options.empty ? { cast: { scheme: '', people: [] } } : await demoOf(options.template ?? 'jingmen').seed(cloud);
    server = createGateway(cloud, { cast: options.empty ? null : cast });
    const { port } = await listen(server, { port: 0 });
    cloud.baseUrl = `http://127.0.0.1:${port}`;
    const running = server;
    return {
      url: cloud.baseUrl,
      cloud,
      cast,
      async close() {
        await new Promise<void>((resolve) => {
          running.closeAllConnections();
          running.close(() => resolve());
        });
        cloud.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.close();
    cloud.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
