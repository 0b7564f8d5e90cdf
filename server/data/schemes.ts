/**
 * Scheme versions (第二十、二十一条). Version 1 is the default 荆门 scheme until an administrator
 * publishes another; each published version is a document validated again when loaded.
 */
import { parseScheme, type Scheme } from '../../domain/scheme';
import { schemeInForce } from '../../domain/versions';
import { JINGMEN_SCHEME } from '../../domain/schemes/jingmen';
import { database } from '../cloud';
import { COLLECTIONS } from './collections';

const DEFAULT_SCHEME: Scheme = JINGMEN_SCHEME;

export interface StoredScheme {
  _id: string;
  scheme: Scheme;
  publishedAt: Date;
  publishedBy: string;
}

export const schemeDocId = (version: number): string => `v${version}`;

/**
 * Versions already validated by this instance, by their content: a warm function validates each
 * version once, and a changed document (adopting a template rewrites version 1) is validated anew.
 */
const validated = new Map<string, Scheme>();

function validatedScheme(doc: StoredScheme): Scheme {
  const key = JSON.stringify(doc.scheme);
  let scheme = validated.get(key);
  if (!scheme) {
    scheme = parseScheme(doc.scheme);
    validated.set(key, scheme);
  }
  return scheme;
}

/** Every version, oldest first; the default scheme when none was published. */
export async function loadSchemeVersions(): Promise<Scheme[]> {
  const { data } = await database().collection(COLLECTIONS.schemes).limit(1000).get();
  const published = (data as StoredScheme[]).map(validatedScheme);
  if (!published.some((s) => s.version === DEFAULT_SCHEME.version)) published.push(DEFAULT_SCHEME);
  return published.sort((a, b) => a.version - b.version);
}

export async function loadSchemeInForce(now: Date): Promise<Scheme> {
  return schemeInForce(await loadSchemeVersions(), now);
}

/** The version a pending claim was submitted under (第二十一条: it keeps it). */
export async function loadSchemeVersion(version: number): Promise<Scheme> {
  const versions = await loadSchemeVersions();
  const found = versions.find((s) => s.version === version);
  if (!found) throw new Error(`scheme version ${version} is missing`);
  return found;
}
