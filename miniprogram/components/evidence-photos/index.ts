/**
 * Evidence photos for a form (奖分's award or record): chosen from the album or camera, uploaded to
 * cloud storage at once as 申报 does (services/evidence), previewed full screen, removable. The form
 * learns the fileIDs and how many uploads are still running (change); clear() empties it after
 * the form is sent.
 */
import { addPhotos, MAX_PHOTOS, type Photo } from '../../services/evidence';

Component({
  options: { styleIsolation: 'apply-shared' },

  data: {
    photos: [] as Photo[],
    uploading: 0,
    maxPhotos: MAX_PHOTOS,
  },

  methods: {
    changed(patch: { photos: Photo[]; uploading: number }) {
      this.setData(patch);
      const evidence = patch.photos.filter((p) => p.status === 'done').map((p) => p.fileID);
      this.triggerEvent('change', { evidence, uploading: patch.uploading });
    },

    onAdd() {
      return addPhotos(() => this.data, (next) => this.changed(next), 'evidence-photos');
    },

    onPreview(event: WechatMiniprogram.TouchEvent) {
      const urls = this.data.photos.map((photo) => photo.path);
      wx.previewImage({ urls, current: urls[Number(event.currentTarget.dataset.index)] });
    },

    onRemove(event: WechatMiniprogram.TouchEvent) {
      const index = Number(event.currentTarget.dataset.index);
      this.changed({ photos: this.data.photos.filter((_, i) => i !== index), uploading: this.data.uploading });
    },

    clear() {
      this.changed({ photos: [], uploading: 0 });
    },
  },
});
