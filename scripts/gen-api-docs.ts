import fs from 'node:fs';
import { apiDocs } from './lib/api-docs';

fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/api.md', apiDocs());
console.log('wrote docs/api.md');
