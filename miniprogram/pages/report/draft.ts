/**
 * 申报's draft: what someone not yet bound to a member typed, kept in wx storage so that going to
 * 绑定 (which starts the mini-program over) loses neither the form nor the photos already uploaded.
 * 申报 restores it when it opens and clears it once the claim is submitted.
 */
import type { Photo } from '../../services/evidence';

const DRAFT_KEY = 'report.draft';

export interface ReportDraft {
  itemId: string;
  occurredOn: string;
  points: number;
  count: number;
  value: string;
  note: string;
  /** Uploaded photos only: the fileID is what the claim carries, the temporary path the thumbnail. */
  photos: { path: string; fileID: string }[];
}

/** The form's fields as the page holds them: the draft's, with photos still uploading. */
export interface DraftFields extends Omit<ReportDraft, 'photos'> {
  photos: Photo[];
}

export function draftOf(fields: DraftFields): ReportDraft {
  return {
    itemId: fields.itemId,
    occurredOn: fields.occurredOn,
    points: fields.points,
    count: fields.count,
    value: fields.value,
    note: fields.note,
    photos: fields.photos.filter((photo) => photo.status === 'done' && photo.fileID).map(({ path, fileID }) => ({ path, fileID })),
  };
}

/** Nothing worth keeping: no item chosen, nothing typed, no photo. */
export function isBlank(draft: ReportDraft): boolean {
  return !draft.itemId && !draft.note.trim() && !draft.value.trim() && draft.photos.length === 0;
}

export function saveDraft(draft: ReportDraft): void {
  try {
    if (isBlank(draft)) wx.removeStorageSync(DRAFT_KEY);
    else wx.setStorageSync(DRAFT_KEY, draft);
  } catch (error) {
    // A full storage only costs the draft; the form on screen is untouched.
    console.error('report: the draft could not be kept', error);
  }
}

export function clearDraft(): void {
  try {
    wx.removeStorageSync(DRAFT_KEY);
  } catch (error) {
    console.error('report: the draft could not be cleared', error);
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The kept draft, or null when there is none or it is not one this page wrote. */
export function loadDraft(): ReportDraft | null {
  let stored: unknown;
  try {
    stored = wx.getStorageSync(DRAFT_KEY);
  } catch (error) {
    console.error('report: the draft could not be read', error);
    return null;
  }
  if (!stored || typeof stored !== 'object') return null;
  const d = stored as Record<string, unknown>;
  if (!isText(d.itemId) || !isText(d.occurredOn) || !isCount(d.points) || !isCount(d.count) || !isText(d.value) || !isText(d.note)) return null;
  const photos = Array.isArray(d.photos)
    ? d.photos.filter((p): p is { path: string; fileID: string } => !!p && isText((p as Photo).path) && isText((p as Photo).fileID) && (p as Photo).fileID !== '')
    : [];
  const draft: ReportDraft = { itemId: d.itemId, occurredOn: d.occurredOn, points: d.points, count: d.count, value: d.value, note: d.note, photos };
  return isBlank(draft) ? null : draft;
}

/** The note and photos of a kept draft as the form holds them (its photos were uploaded already). */
export function restoredFields(draft: ReportDraft): { note: string; photos: Photo[] } {
  return { note: draft.note, photos: draft.photos.map((photo): Photo => ({ ...photo, status: 'done' })) };
}
