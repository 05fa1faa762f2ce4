/**
 * Document builders translate through the process's one i18next instance (the documents'
 * catalog is registered in the app-wide catalog); the old name stays for the builders.
 */
export { t as tr } from '../i18n/translate';
