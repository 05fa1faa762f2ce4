import { useEffect } from 'react';
import { Divider, Paper } from '@mantine/core';
import { CompleteStep } from './CompleteStep';
import { IdentityStep } from './IdentityStep';
import { SanbaoRefundStep } from './SanbaoRefundStep';
import { SettleStep } from './SettleStep';
import { TendersStep } from './TendersStep';
import type { Handback } from './useHandback';

/** The hand-back's steps, in the order the counter works them: identity, settlement, tenders, 三包 refund, last checks. */
export function HandbackForm({ h }: { h: Handback }) {
  // Focus follows the flow: the identity first once a ticket is open.
  useEffect(() => h.last4Ref.current?.focus(), [h.last4Ref]);
  return (
    <Paper withBorder p="md">
      <IdentityStep h={h} />

      <Divider my="sm" />
      <SettleStep h={h} />

      <TendersStep h={h} />
      {h.sanbaoDue ? <SanbaoRefundStep h={h} /> : null}
      <CompleteStep h={h} />
    </Paper>
  );
}
