import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiDocs } from '../../scripts/lib/api-docs';
import { procedures } from '../../src/shared/api/procedures';

describe('docs/api.md', () => {
  it('is up to date with the contract (run `npm run docs:api`)', () => {
    expect(fs.readFileSync('docs/api.md', 'utf8')).toBe(apiDocs());
  });
  it('lists every procedure', () => {
    const doc = apiDocs();
    for (const name of Object.keys(procedures)) expect(doc).toContain(`## ${name}`);
  });
});
