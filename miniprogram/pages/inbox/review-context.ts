/**
 * What an endorser needs only when setting a value (第十五条): their authority and the catalog's
 * ranges. Not part of the inbox's first screen: one catalog.get on the first adjust tap, which also
 * carries the caller's authority (the 我的 page's value, when passed along, is used as it is).
 */
import type { CatalogItem } from '../../../typings/api';
import { call } from '../../services/api';

export interface ReviewContext {
  authority: number;
  items: Record<string, CatalogItem>;
}

export async function fetchReviewContext(knownAuthority: number | null): Promise<ReviewContext> {
  const catalog = await call('catalog.get', {});
  return {
    authority: knownAuthority ?? catalog.viewer.authority,
    items: Object.fromEntries(catalog.items.map((item) => [item.id, item])),
  };
}

/** The context fetched on the first call and kept; a failed fetch is forgotten, so the next tap tries again. */
export function reviewContextOnce(knownAuthority: number | null): () => Promise<ReviewContext> {
  let pending: Promise<ReviewContext> | null = null;
  return () => {
    if (!pending) {
      pending = fetchReviewContext(knownAuthority);
      pending.catch(() => (pending = null));
    }
    return pending;
  };
}
