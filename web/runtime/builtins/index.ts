/**
 * Registers WeChat's built-in components. Those the pages and TDesign use with behaviour have a module
 * of their own; the others render their children inside <wx-name>, as miniprogram-simulate does.
 */
import { defineCanvas } from './canvas';
import { defineControls, type ControlHost } from './controls';
import { defineBuiltin } from './define';
import { defineFields } from './fields';
import { defineImage, type ImageSourceResolver } from './image';
import { definePicker, type OpenPicker } from './picker';
import { defineRichText } from './rich-text';
import { defineScrollView } from './scroll-view';
import { defineText } from './text';

/** WeChat's built-in tags (the list miniprogram-simulate registers). */
const OFFICIAL_TAGS = [
  'cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area', 'movable-view', 'page-container', 'root-portal',
  'share-element', 'sticky-header', 'sticky-section', 'swiper', 'swiper-item', 'view', 'icon', 'progress', 'checkbox',
  'checkbox-group', 'editor', 'form', 'keyboard-accessory', 'label', 'picker-view', 'picker-view-column', 'radio', 'radio-group',
  'slider', 'switch', 'functional-page-navigator', 'audio', 'camera', 'channel-live', 'channel-video', 'live-player', 'live-pusher',
  'video', 'voip-room', 'map', 'web-view', 'ad', 'ad-custom', 'official-account', 'open-data', 'navigation-bar', 'page-meta',
];

export interface BuiltinHost extends ControlHost {
  openPicker: OpenPicker;
  resolveImage: ImageSourceResolver;
}

export function registerBuiltins(host: BuiltinHost): void {
  for (const tag of OFFICIAL_TAGS) defineBuiltin(tag);
  defineText();
  defineFields();
  defineImage(host.resolveImage);
  definePicker(host.openPicker);
  defineScrollView();
  defineRichText();
  defineControls(host);
  defineCanvas();
}
