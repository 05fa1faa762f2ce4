import { useMemo, useState } from 'react';
import { Badge, Button, Divider, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { CONDITION_ITEMS } from '../../../shared/tickets/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useSession } from '../app/session';
import { useErrorToast } from '../hooks/useErrorToast';
import { printAndShow, type OpenedJob } from '../printing/printService';
import { PdfViewer } from '../printing/PdfViewer';
import { CoverageBadge, StatusBadge, TicketBadges } from './TicketBadges';
import { PasscodeReveal } from './PasscodeReveal';
import { StatusLinkPanel } from './StatusLinkPanel';
import { AttachmentThumbs } from './AttachmentThumbs';
import { TicketTimeline } from './TicketTimeline';
import { calendarDate, yuan } from './format';
import { useOpen } from '../nav/useNav';
import { CASHIERS } from '../../../shared/collection/procedures';
import { usePendingSync } from '../sync/usePendingSync';
import { NotAtHqBadge } from '../sync/NotAtHqBadge';
import { TicketRecalls } from '../recalls/TicketRecalls';

const STATE_COLOR = { ok: 'teal', fault: 'red', not_checked: 'gray' } as const;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

/** Everything about one ticket: who, what, condition, accessories, passcode, photos, every event; reprints. */
export function TicketDetailView({ ticket }: { ticket: TicketDetail }) {
  const { t, locale } = useI18n();
  const open = useOpen();
  const { toast } = useErrorToast();
  const { shop, user } = useSession();
  // A ready device is what the counter hands back: the drawer a scan opened offers it first (Enter).
  const handBack = ticket.status === 'ready' && CASHIERS.includes(user.role);
  const tz = shop?.settings.timeZone;
  const [preview, setPreview] = useState<OpenedJob | null>(null);
  const c = ticket.customer;
  const d = ticket.device;
  const s = ticket.service;
  // A new array per loaded ticket: a reload after a change asks again.
  const notAtHq = usePendingSync('tickets', useMemo(() => [ticket.id], [ticket])).has(ticket.id);

  const reprint = async (doc: 'intake_receipt' | 'device_label') => {
    try {
      const r = await printAndShow(doc, ticket.id, { reprint: true });
      // A blocked pop-up: the PDF waits in a dialog with its own button.
      if (r.url && r.job.status === 'queued') setPreview(r);
    } catch (e) {
      toast(e);
    }
  };

  return (
    <Stack gap="md" data-testid="ticket-detail">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2} ff="monospace" data-testid="detail-number">
              {ticket.number}
            </Title>
            <StatusBadge status={ticket.status} />
            {notAtHq ? <NotAtHqBadge /> : null}
          </Group>
          <TicketBadges row={ticket} />
        </div>
        <Group gap="xs">
          {handBack ? (
            // autoFocus when the detail shows after the drawer opened, data-autofocus for the drawer's own focus trap when it shows before
            <Button size="xs" autoFocus data-autofocus onClick={() => open.collect(ticket.number)} data-testid="detail-hand-back">
              {t('ui.tickets.detail.handBack')}
            </Button>
          ) : null}
          <Button size="xs" variant="light" onClick={() => void reprint('intake_receipt')} data-testid="detail-reprint-receipt">
            {t('ui.tickets.detail.reprintReceipt')}
          </Button>
          <Button size="xs" variant="light" onClick={() => void reprint('device_label')}>
            {t('ui.tickets.detail.reprintLabel')}
          </Button>
        </Group>
      </Group>
      <TicketRecalls ticketId={ticket.id} />

      <SimpleGrid cols={2}>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb={4}>
            <Text fw={700}>{t('ui.tickets.detail.customer')}</Text>
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" onClick={() => open.customer(c.id)}>
                {t('ui.tickets.detail.customerCard')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => open.intakeFor(c.id)}>
                {t('ui.tickets.detail.newIntake')}
              </Button>
            </Group>
          </Group>
          <Text fw={600}>{c.name}</Text>
          <Text size="sm">{c.phones.map((p) => p.display).join(' · ')}</Text>
          {c.company ? <Text size="sm">{c.company}</Text> : null}
          {c.address ? (
            <Text size="sm" c="dimmed">
              {c.address}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={700} mb={4}>
            {t('ui.tickets.detail.device')}
          </Text>
          <Text fw={600}>
            {d.brand} {d.model}{' '}
            <Badge size="sm" variant="light" tt="none">
              {t(`devices.category.${d.category}`)}
            </Badge>
          </Text>
          <Text size="sm" ff="monospace">
            {[d.imei && `IMEI ${d.imei}`, d.imei2 && `IMEI2 ${d.imei2}`, d.serial && `SN ${d.serial}`].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm" c="dimmed">
            {[d.colour, d.purchaseDate && t('ui.counter.device.boughtOn', { date: calendarDate(d.purchaseDate, locale) }), t(`devices.proof.${d.proof.kind}`), d.proof.invoiceNo]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Paper>
      </SimpleGrid>

      <SimpleGrid cols={4} spacing="sm">
        <Field label={t('ui.tickets.detail.received')}>
          {formatInstant(ticket.receivedAt, locale, tz)} · {ticket.receivedBy?.displayName}
        </Field>
        <Field label={t('ui.counter.promisedDate')}>{calendarDate(ticket.promisedDate, locale)}</Field>
        <Field label={t('ui.counter.technician')}>{ticket.technician?.displayName ?? t('ui.tickets.unassigned')}</Field>
        <Field label={t('ui.counter.deposit')}>
          {yuan(ticket.depositFen, locale, shop?.settings.currency)}
        </Field>
        <Field label={t('ui.counter.service.title')}>
          {t(`tickets.service.${s.kind}`)}
          {s.kind === 'mail_in' ? ` · ${s.courier} ${s.trackingNo}` : s.kind === 'on_site' ? ` · ${s.address} · ${formatInstant(s.appointmentAt, locale, tz)}` : ''}
        </Field>
        <Field label={t('ui.tickets.detail.coverage')}>
          <CoverageBadge coverage={ticket.coverage} />
        </Field>
        <Field label={t('ui.counter.findings.title')}>{ticket.findings.map((f) => t(`tickets.finding.${f}`)).join('、')}</Field>
        <Field label={t('ui.tickets.detail.dataLossAck')}>{ticket.dataLossAck ? t('ui.common.yes') : t('ui.common.no')}</Field>
      </SimpleGrid>

      <Paper withBorder p="sm">
        <Text fw={700}>{t('ui.counter.fault.text')}</Text>
        <Text size="sm" data-testid="detail-fault">
          {ticket.fault.text}
        </Text>
        <Group gap={4} mt={4}>
          {ticket.fault.codes.map((code) => (
            <Badge key={code} variant="light" tt="none">
              {t(`devices.fault.${code}`)}
            </Badge>
          ))}
        </Group>
      </Paper>

      <SimpleGrid cols={2}>
        <Paper withBorder p="sm">
          <Text fw={700} mb={4}>
            {t('ui.counter.condition.title')}
          </Text>
          <Table fz="sm" verticalSpacing={2} data-testid="detail-condition">
            <Table.Tbody>
              {CONDITION_ITEMS.map((i) => (
                <Table.Tr key={i}>
                  <Table.Td>{t(`tickets.condition.${i}`)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATE_COLOR[ticket.condition[i]]} tt="none">
                      {t(`tickets.conditionState.${ticket.condition[i]}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {ticket.condition.cosmeticNotes ? (
            <Text size="sm" mt={4}>
              {ticket.condition.cosmeticNotes}
            </Text>
          ) : null}
        </Paper>
        <Stack gap="sm">
          <Paper withBorder p="sm">
            <Text fw={700} mb={4}>
              {t('ui.counter.accessories.title')}
            </Text>
            <Group gap={4} data-testid="detail-accessories">
              {ticket.accessories.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('ui.tickets.detail.noAccessories')}
                </Text>
              ) : (
                ticket.accessories.items.map((a) => (
                  <Badge key={a} variant="outline" tt="none">
                    {a === 'other' && ticket.accessories.other ? ticket.accessories.other : t(`tickets.accessory.${a}`)}
                  </Badge>
                ))
              )}
            </Group>
          </Paper>
          <Paper withBorder p="sm">
            <Text fw={700} mb={4}>
              {t('ui.counter.passcode.title')}
            </Text>
            <PasscodeReveal ticket={ticket} />
          </Paper>
          <Paper withBorder p="sm">
            <Text fw={700} mb={4}>
              {t('ui.tickets.statusLink.title')}
            </Text>
            <StatusLinkPanel ticketId={ticket.id} />
          </Paper>
          <Paper withBorder p="sm">
            <Text fw={700} mb={4}>
              {t('ui.counter.photos.title')}
            </Text>
            <AttachmentThumbs attachments={ticket.attachments} />
          </Paper>
        </Stack>
      </SimpleGrid>

      <Divider label={t('ui.tickets.detail.timeline')} labelPosition="left" />
      <TicketTimeline events={ticket.events} />

      <Modal opened={!!preview} onClose={() => (preview?.url && URL.revokeObjectURL(preview.url), setPreview(null))} size="lg" title={preview?.job.title}>
        {preview ? <PdfViewer doc={preview} onShown={setPreview} /> : null}
      </Modal>
    </Stack>
  );
}
