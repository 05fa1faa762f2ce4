import type { Messages } from '../types';
import { messages as common } from './common';
import { messages as auth } from './auth';
import { messages as setup } from './setup';
import { messages as settings } from './settings';
import { messages as sync } from './sync';
import { messages as stock } from './stock';
import { messages as warranty } from './warranty';

/** The renderer's catalogs (keys prefixed `ui.`), registered in ../catalog.ts. */
export const uiCatalogs: Record<string, Messages> = {
  'ui.common': common,
  'ui.auth': auth,
  'ui.setup': setup,
  'ui.settings': settings,
  'ui.sync': sync,
  'ui.stock': stock,
  'ui.warranty': warranty,
};
