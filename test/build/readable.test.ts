/**
 * Issue 13 item 8, readable for older eyes: the pages' own styles (not TDesign's, which the packed
 * miniprogram_npm brings) set body text at 28rpx and nothing smaller than 24rpx. 24rpx is kept for
 * captions (a date, a unit, "没有更多了"); anything between a caption and body text reads as small body
 * text, so 25 to 27rpx is refused too. Sizes in px count double (375 px wide = 750rpx).
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINIPROGRAM_ROOT, NPM_DIR, walkFiles } from '../../scripts/miniprogram-files';

export const BODY_RPX = 28;
export const CAPTION_RPX = 24;

const ownFiles = (extension: string) =>
  walkFiles(MINIPROGRAM_ROOT, (relative) => relative.startsWith(NPM_DIR) || relative.startsWith('node_modules'))
    .filter((file) => file.endsWith(extension))
    .map((file) => path.relative(MINIPROGRAM_ROOT, path.resolve(MINIPROGRAM_ROOT, file)));

/** Every font size a file sets, in rpx, with its line. */
function fontSizes(source: string): { rpx: number; line: number }[] {
  const sizes: { rpx: number; line: number }[] = [];
  source.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/font-size\s*:\s*([\d.]+)(rpx|px)/g)) {
      const value = Number(match[1]);
      sizes.push({ rpx: match[2] === 'px' ? value * 2 : value, line: index + 1 });
    }
  });
  return sizes;
}

const tooSmall = (rpx: number) => rpx < CAPTION_RPX || (rpx > CAPTION_RPX && rpx < BODY_RPX);

describe('readable text', () => {
  const styles = ownFiles('.wxss');
  const templates = ownFiles('.wxml');

  it('finds the pages’ own styles and templates', () => {
    expect(styles).toEqual(expect.arrayContaining(['app.wxss', 'pages/mine/index.wxss', 'components/entry-row/index.wxss']));
    expect(templates.length).toBeGreaterThan(10);
  });

  it('sets body text at 28rpx', () => {
    const app = fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.wxss'), 'utf8');
    const page = /(^|\n)page\s*\{([^}]*)\}/.exec(app);
    expect(page?.[2]).toMatch(/font-size:\s*28rpx/);
  });

  it('sets no text smaller than a 24rpx caption, and none between a caption and body text', () => {
    const offending = [...styles, ...templates].flatMap((file) =>
      fontSizes(fs.readFileSync(path.join(MINIPROGRAM_ROOT, file), 'utf8'))
        .filter((size) => tooSmall(size.rpx))
        .map((size) => `${file}:${size.line} ${size.rpx}rpx`),
    );
    expect(offending).toEqual([]);
  });

  it('would catch a small size (the check itself)', () => {
    expect(fontSizes('.a { font-size: 22rpx; }\n.b { font-size: 13px; }').filter((s) => tooSmall(s.rpx)).map((s) => s.line)).toEqual([1, 2]);
    expect(fontSizes('.c { font-size: 24rpx; } .d { font-size: 28rpx; }').filter((s) => tooSmall(s.rpx))).toEqual([]);
  });
});
