export { openBackend, type Backend, type BackendOptions, type CallOptions, type WireResult } from './backend';
export { openDatabase } from './db/open';
export { APP_VERSION } from './version';
