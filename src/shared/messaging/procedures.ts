import { z } from 'zod';
import { procedure } from '../api/contract';
import { MANAGERS } from '../api/roles';
import { gatewayInputSchema } from './gateway-settings';

/** The gateway as a screen sees it: the state and the settings with every secret blanked. */
const gatewayViewSchema = z.object({ state: z.enum(['none', 'enrolled', 'unreadable', 'configured']), settings: z.record(z.string(), z.unknown()).nullable() });

/** A shop that is not enrolled sends its own customer messages (issue 20 point 4); an enrolled one leaves it to head office. */
export const messagingProcedures = {
  'messaging.gateway': procedure({
    summary: "The shop's own SMS gateway (not enrolled): none, configured (settings with the secrets blanked), unreadable (the database moved without its key: enter the credentials again) or enrolled (head office sends).",
    input: z.object({}).strict(),
    output: gatewayViewSchema,
    access: MANAGERS,
    kind: 'query',
  }),
  'messaging.saveGateway': procedure({
    summary: "Saves the shop's SMS gateway (Alibaba Cloud, Tencent Cloud or the log gateway) with its provider templates per message kind; the credentials are encrypted at rest like passcodes. A secret left out keeps the one saved for the same provider (refused when there is none). Refused in an enrolled shop.",
    input: gatewayInputSchema,
    output: gatewayViewSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'messaging.clearGateway': procedure({
    summary: "Removes the shop's SMS gateway: no more messages go out from this shop.",
    input: z.object({}).strict(),
    output: gatewayViewSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
};
