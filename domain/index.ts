/** The pure domain core: the rules of the scheme as plain functions over plain data (no I/O). */
export * from './errors';
export * from './glossary';
export * from './scheme';
export * from './authority';
export * from './points';
export * from './proposals';
export * from './routing';
export * from './review-groups';
export * from './rerouting';
export * from './leaving';
export * from './duplicates';
export * from './corrections';
export * from './periods';
export * from './dues';
export * from './tally';
export * from './ranking';
export * from './versions';
export { JINGMEN_SCHEME } from './schemes/jingmen';
