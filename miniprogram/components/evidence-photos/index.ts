/**
 * Evidence photos for a form (奖分's award or record): chosen from the album or camera, uploaded to
 * cloud storage at once as 申报 does (services/evidence), previewed full screen, removable. The form
 * learns the fileIDs and how many uploads are still running (change); clear() empties it after
 * the form is sent.
 */
import { choosePhotos, uploadPhoto, type Photo } from '../../services/evidence';

const MAX_PHOTOS = 9;

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

    async onAdd() {
      const room = MAX_PHOTOS - this.data.photos.length;
      if (room <= 0) return;
      let paths: string[];
      try {
        paths = await choosePhotos(room);
      } catch (error) {
        console.error('evidence-photos: chooseMedia failed', error);
        wx.showToast({ title: '无法打开相册，请检查权限', icon: 'none' });
        return;
      }
      if (paths.length === 0) return;
      const added: Photo[] = paths.slice(0, room).map((path) => ({ path, fileID: '', status: 'uploading' }));
      this.changed({ photos: [...this.data.photos, ...added], uploading: this.data.uploading + added.length });
      await Promise.all(added.map((photo) => this.upload(photo.path)));
    },

    async upload(path: string) {
      let fileID = '';
      try {
        fileID = await uploadPhoto(path);
      } catch (error) {
        console.error('evidence-photos: uploadFile failed', error);
      }
      const photos = this.data.photos
        .map((photo) => (photo.path === path ? { ...photo, fileID, status: 'done' as const } : photo))
        .filter((photo) => photo.path !== path || fileID !== '');
      if (!fileID) wx.showToast({ title: '照片上传失败，请重新添加', icon: 'none' });
      this.changed({ photos, uploading: Math.max(0, this.data.uploading - 1) });
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
