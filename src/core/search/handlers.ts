import type { searchProcedures } from '../../shared/search/procedures';
import type { Handlers } from '../api/context';
import { shopClock } from '../shop/clock';
import { search } from './query';

export const searchHandlers: Handlers<typeof searchProcedures> = {
  async 'search.query'(input, ctx) {
    const { code } = shopClock(ctx.sqlite, ctx.clock.now());
    return search(ctx.sqlite, code, input.q, input.limit);
  },
};
