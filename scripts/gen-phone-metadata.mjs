/**
 * `node scripts/gen-phone-metadata.mjs`: writes src/shared/customers/phone-metadata.cn.json, the
 * China slice of libphonenumber-js's full ("max") metadata: the same mobile ranges, area codes and
 * number types for +86, without the other 244 regions (5 kB instead of 157 kB, which every screen
 * that validates a phone used to load with the first screen). Rerun after upgrading
 * libphonenumber-js; tests/unit/customers/phone-metadata.test.ts fails until then.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const OUT = fileURLToPath(new URL('../src/shared/customers/phone-metadata.cn.json', import.meta.url));

/** The CN slice of the full metadata, in libphonenumber's own metadata format. */
export function cnSlice() {
  const max = require('libphonenumber-js/metadata.max.json');
  return { version: max.version, country_calling_codes: { 86: max.country_calling_codes['86'] }, countries: { CN: max.countries.CN }, nonGeographic: {} };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(OUT, `${JSON.stringify(cnSlice())}\n`);
  console.log(`wrote ${OUT} (${fs.statSync(OUT).size} bytes)`);
}
