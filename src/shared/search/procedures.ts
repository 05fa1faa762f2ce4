import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { searchInputSchema, searchResultSchema } from './schemas';

export const searchProcedures = {
  'search.query': procedure({
    summary: 'One box for everything: customers, devices and tickets matching any fragment (phone digits, IMEI/serial part, ticket number, name, model, fault words), grouped and ranked.',
    input: searchInputSchema,
    output: searchResultSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
};
