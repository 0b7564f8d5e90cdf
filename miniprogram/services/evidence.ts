/**
 * Evidence photos: chosen from the album or camera, uploaded to cloud storage at once (the claim
 * carries their fileIDs), previewed full screen and removable before submitting.
 */
import { newRequestId } from './api';
import { chinaDay } from '../format/dates';

export interface Photo {
  /** The local temporary file, shown as the thumbnail. */
  path: string;
  /** The cloud fileID once uploaded. */
  fileID: string;
  status: 'uploading' | 'done';
}

/** Photos a claim or an award may carry (the api takes up to nine fileIDs). */
export const MAX_PHOTOS = 9;

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic']);

/** evidence/<yyyy-mm>/<random>.<ext>: a month per folder keeps the storage console browsable. */
export function evidencePath(localPath: string, now: Date = new Date()): string {
  const extension = (localPath.split('.').pop() ?? '').toLowerCase();
  const ext = IMAGE_EXTENSIONS.has(extension) ? extension : 'jpg';
  return `evidence/${chinaDay(now).slice(0, 7)}/${newRequestId()}.${ext}`;
}

/** Asks for up to `room` photos; resolves with their temporary paths ([] if the user cancels). */
async function choosePhotos(room: number): Promise<string[]> {
  try {
    const result = await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return result.tempFiles.map((file) => file.tempFilePath);
  } catch (error) {
    // Cancelling the picker rejects with "chooseMedia:fail cancel"; that is not a failure.
    const message = (error as { errMsg?: string } | null)?.errMsg ?? '';
    if (/cancel/.test(message)) return [];
    throw error;
  }
}

async function uploadPhoto(localPath: string): Promise<string> {
  const { fileID } = await wx.cloud.uploadFile({ cloudPath: evidencePath(localPath), filePath: localPath });
  return fileID;
}

/** The photos a form holds, and how many of them are still uploading. */
export interface PhotoState {
  photos: Photo[];
  uploading: number;
}

/**
 * Asks for photos up to MAX_PHOTOS, shows them at once and uploads each; a photo whose upload fails is
 * dropped with a toast, and one removed while uploading stays removed. Uploads finish in any order,
 * so each reads the form's photos as they are then (`read`) before writing them (`write`). `where`
 * names the page or component in the console.
 */
export async function addPhotos(read: () => PhotoState, write: (next: PhotoState) => void, where: string): Promise<void> {
  const room = MAX_PHOTOS - read().photos.length;
  if (room <= 0) return;
  let paths: string[];
  try {
    paths = await choosePhotos(room);
  } catch (error) {
    console.error(`${where}: chooseMedia failed`, error);
    wx.showToast({ title: '无法打开相册，请检查权限', icon: 'none' });
    return;
  }
  if (paths.length === 0) return;
  const added: Photo[] = paths.slice(0, room).map((path) => ({ path, fileID: '', status: 'uploading' }));
  const before = read();
  write({ photos: [...before.photos, ...added], uploading: before.uploading + added.length });
  await Promise.all(
    added.map(async ({ path }) => {
      let fileID = '';
      try {
        fileID = await uploadPhoto(path);
      } catch (error) {
        console.error(`${where}: uploadFile failed`, error);
      }
      const now = read();
      const photos = now.photos
        .map((photo) => (photo.path === path ? { ...photo, fileID, status: 'done' as const } : photo))
        .filter((photo) => photo.path !== path || fileID !== '');
      if (!fileID) wx.showToast({ title: '照片上传失败，请重新添加', icon: 'none' });
      write({ photos, uploading: Math.max(0, now.uploading - 1) });
    }),
  );
}
