/**
 * Draws a Picture on a page's <canvas type="2d">, saves it as a temporary file
 * (wx.canvasToTempFilePath) and offers it in WeChat's picture menu (wx.showShareImageMenu: send to a
 * chat, save to the phone). The canvas is the page's own, placed off screen.
 */
import { paint, type Canvas2D, type Picture } from './drawing';

/** Twice the logical size: sharp on a phone's screen, small enough to send. */
const SCALE = 2;

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Canvas2D;
}

function canvasOf(owner: WechatMiniprogram.Component.TrivialInstance, selector: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    wx.createSelectorQuery()
      .in(owner)
      .select(selector)
      .fields({ node: true, size: true })
      .exec((result: { node?: CanvasNode }[]) => {
        const node = result[0]?.node;
        if (node) resolve(node);
        else reject(new Error(`no canvas ${selector}`));
      });
  });
}

/** The picture drawn on the canvas at `selector`, as a temporary file path. */
export async function drawPicture(owner: WechatMiniprogram.Component.TrivialInstance, selector: string, picture: Picture): Promise<string> {
  const canvas = await canvasOf(owner, selector);
  canvas.width = picture.width * SCALE;
  canvas.height = picture.height * SCALE;
  paint(canvas.getContext('2d'), picture, SCALE);
  const { tempFilePath } = await wx.canvasToTempFilePath({ canvas, fileType: 'png' } as WechatMiniprogram.CanvasToTempFilePathOption);
  return tempFilePath;
}

/**
 * Draws the picture and opens WeChat's picture menu on it. Resolves false when it could not be drawn
 * (the caller says so in Chinese); the user closing the menu is not a failure.
 */
export async function sharePicture(owner: WechatMiniprogram.Component.TrivialInstance, selector: string, picture: Picture): Promise<boolean> {
  wx.showLoading({ title: '正在生成图片', mask: true });
  let path: string;
  try {
    path = await drawPicture(owner, selector, picture);
  } catch {
    return false;
  } finally {
    wx.hideLoading();
  }
  await wx.showShareImageMenu({ path }).catch(() => undefined);
  return true;
}
