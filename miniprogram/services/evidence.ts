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

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic']);

/** evidence/<yyyy-mm>/<random>.<ext>: a month per folder keeps the storage console browsable. */
export function evidencePath(localPath: string, now: Date = new Date()): string {
  const extension = (localPath.split('.').pop() ?? '').toLowerCase();
  const ext = IMAGE_EXTENSIONS.has(extension) ? extension : 'jpg';
  return `evidence/${chinaDay(now).slice(0, 7)}/${newRequestId()}.${ext}`;
}

/** Asks for up to `room` photos; resolves with their temporary paths ([] if the user cancels). */
export async function choosePhotos(room: number): Promise<string[]> {
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

export async function uploadPhoto(localPath: string): Promise<string> {
  const { fileID } = await wx.cloud.uploadFile({ cloudPath: evidencePath(localPath), filePath: localPath });
  return fileID;
}
