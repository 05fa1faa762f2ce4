import type { Messages } from '../types';
import { messages as common } from './common';
import { messages as auth } from './auth';
import { messages as setup } from './setup';
import { messages as settings } from './settings';
import { messages as sync } from './sync';
import { messages as stock } from './stock';
import { messages as reports } from './reports';
import { messages as warranty } from './warranty';
import { messages as counter } from './counter';
import { messages as tickets } from './tickets';
import { messages as printing } from './printing';
import { messages as bench } from './bench';
import { messages as collection } from './collection';
import { messages as backup } from './backup';
import { messages as hq } from './hq';
import { messages as shortcuts } from './shortcuts';
import { messages as firstday } from './firstday';
import { consoleMessages as hqRecalls, messages as recalls } from './recalls';
import { messages as hqPublishing } from './hq-publishing';
import { messages as hqPublishingEditors } from './hq-publishing-editors';

/** The renderer's catalogs (keys prefixed `ui.`), registered in ../catalog.ts. */
export const uiCatalogs: Record<string, Messages> = {
  'ui.common': common,
  'ui.auth': auth,
  'ui.setup': setup,
  'ui.settings': settings,
  'ui.sync': sync,
  'ui.stock': stock,
  'ui.reports': reports,
  'ui.warranty': warranty,
  'ui.counter': counter,
  'ui.tickets': tickets,
  'ui.printing': printing,
  'ui.bench': bench,
  'ui.collection': collection,
  'ui.backup': backup,
  'ui.hq': hq,
  'ui.shortcuts': shortcuts,
  'ui.firstday': firstday,
  'ui.recalls': recalls,
  'ui.hq.recalls': hqRecalls,
  'ui.hq.publishing': hqPublishing,
  'ui.hq.pub': hqPublishingEditors,
};
