export { adminMembersImport } from './admin-import';
export { adminMembersUpdate } from './admin-members';
export { adminSchemePublish } from './admin-scheme';
export { adminSchemeAdopt } from './admin-adopt';
export { adminDuesRecord } from './admin-dues';
export { adminDuesList, adminDuesVoid } from './admin-dues-void';
export { adminExport } from './admin-export';
