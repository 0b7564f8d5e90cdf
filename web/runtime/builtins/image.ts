/**
 * image: an <img> inside <wx-image>, sized by WeChat's modes. `src` is resolved as on a phone: a
 * cloud fileID through getTempFileURL (the short-lived URL the cloud hands out), a temporary file from
 * chooseMedia from memory, a path from the mini-program's own files. Emits load { width, height } and
 * error { errMsg }.
 */
import { belongsTo, defineBuiltin, hostOf, OWN_DOM, reflect, type Builtin } from './define';

export type ImageSourceResolver = (src: string, ownerPath: string | null) => Promise<string>;

/** object-fit and object-position for each mode; widthFix/heightFix size the element from the picture. */
const MODES: Record<string, [fit: string, position: string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  top: ['none', 'center top'],
  bottom: ['none', 'center bottom'],
  center: ['none', 'center'],
  left: ['none', 'left center'],
  right: ['none', 'right center'],
  'top left': ['none', 'left top'],
  'top right': ['none', 'right top'],
  'bottom left': ['none', 'left bottom'],
  'bottom right': ['none', 'right bottom'],
};

const pictures = new WeakMap<object, HTMLImageElement>();

/** The path of the page or component whose template holds this image, for relative sources. */
function ownerPathOf(component: Builtin): string | null {
  const owner = component._exparserNode.ownerShadowRoot?.getHostNode();
  const is = owner?.is;
  return typeof is === 'string' && is.includes('/') ? is : null;
}

export function defineImage(resolve: ImageSourceResolver): void {
  const pictureOf = (component: Builtin): HTMLImageElement => {
    let picture = pictures.get(component);
    if (picture) return picture;
    picture = document.createElement('img');
    picture.className = 'wx-image__picture';
    picture.alt = '';
    picture.draggable = false;
    belongsTo(picture, component);
    picture.addEventListener('load', () => {
      const { naturalWidth: width, naturalHeight: height } = picture!;
      fitToPicture(component, width, height);
      component.triggerEvent('load', { width, height });
    });
    picture.addEventListener('error', () => {
      if (picture!.getAttribute('src')) component.triggerEvent('error', { errMsg: 'GET image failed' });
    });
    hostOf(component).appendChild(picture);
    pictures.set(component, picture);
    return picture;
  };

  const fitToPicture = (component: Builtin, width: number, height: number): void => {
    const host = hostOf(component);
    const mode = String(component.properties.mode ?? 'scaleToFill');
    if (!width || !height) return;
    if (mode === 'widthFix') host.style.height = `${(host.clientWidth * height) / width}px`;
    if (mode === 'heightFix') host.style.width = `${(host.clientHeight * width) / height}px`;
  };

  defineBuiltin('image', {
    template: OWN_DOM,
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      lazyLoad: { type: Boolean, value: false },
      webp: { type: Boolean, value: false },
      showMenuByLongpress: { type: Boolean, value: false },
    },
    observers: {
      src(this: Builtin, src: string) {
        const picture = pictureOf(this);
        if (!src) {
          picture.removeAttribute('src');
          return;
        }
        const asked = src;
        resolve(src, ownerPathOf(this)).then(
          (url) => {
            if (this.properties.src === asked) picture.src = url;
          },
          (error: unknown) => {
            if (this.properties.src === asked) this.triggerEvent('error', { errMsg: String((error as Error)?.message ?? error) });
          },
        );
      },
      mode(this: Builtin, mode: string) {
        const [fit, position] = MODES[mode] ?? MODES.scaleToFill;
        const picture = pictureOf(this);
        picture.style.objectFit = fit;
        picture.style.objectPosition = position;
        reflect(this, 'mode', mode);
      },
    },
  });
}
