/**
 * `npm run build:preview`: builds the browser preview into web/dist/ (index.html, preview.js with its
 * source map, shell.css); `npm start` runs it, and the gateway serves the result at /.
 * miniprogram_npm/ must be packed first (`npm run pack:npm`; `npm start` does it when it is missing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { bundlePreview, WEB_ROOT } from '../web/build/bundle';
import { PREVIEW_DIST } from '../localcloud/preview';

const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>积分制 预览</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview/shell.css">
</head>
<body>
<script src="/preview/preview.js"></script>
</body>
</html>
`;

export async function buildPreview(outDir: string = PREVIEW_DIST): Promise<{ bytes: number; ms: number }> {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const { bytes } = await bundlePreview(outDir);
  fs.copyFileSync(path.join(WEB_ROOT, 'styles', 'shell.css'), path.join(outDir, 'shell.css'));
  fs.writeFileSync(path.join(outDir, 'index.html'), INDEX_HTML);
  return { bytes, ms: Date.now() - started };
}

if (require.main === module) {
  buildPreview().then(
    ({ bytes, ms }) => console.log(`preview: web/dist/preview.js ${(bytes / 1024).toFixed(0)} KiB (${ms} ms)`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
