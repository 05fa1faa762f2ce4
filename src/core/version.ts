/** Kept in step with package.json by a test; core must not read files to know its version. */
export const APP_VERSION = '0.1.0';
