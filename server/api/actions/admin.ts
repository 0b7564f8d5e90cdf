export { adminMembersImport, adminMembersUpdate } from './admin-members';
export { adminSchemePublish } from './admin-scheme';
export { adminDuesRecord } from './admin-dues';
export { adminExport } from './admin-export';
