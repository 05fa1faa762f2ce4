import { Alert, Badge, Button, Group, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { gatewayInputSchema, type GatewayInput } from '../../../shared/messaging/gateway-settings';
import { DEFAULT_TEMPLATES, MESSAGE_KINDS } from '../../../shared/messaging/rules';
import { useCall, useCallMutation } from '../data/calls';
import { useContractForm } from '../forms/useContractForm';
import { useI18n } from '../i18n/I18nProvider';

type Provider = 'log' | 'aliyun' | 'tencent';
interface Values extends Record<string, unknown> {
  kind: Provider;
  keyId: string;
  /** Left empty: the saved secret stays (the screen never receives it). */
  secret: string;
  signName: string;
  sdkAppId: string;
  region: string;
  endpoint: string;
  /** Provider template id per message kind, Chinese and English (saved as `ready` and `ready.en`). */
  templates: Record<string, string>;
  templatesEn: Record<string, string>;
}

const EMPTY: Values = { kind: 'log', keyId: '', secret: '', signName: '', sdkAppId: '', region: '', endpoint: '', templates: {}, templatesEn: {} };
const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** An English template's key: the kind's with this suffix (shared/messaging/render.ts messageChannel). */
const EN = '.en';

/** The saved settings (secrets blanked by the backend) as the form's values. */
function valuesOf(s: Record<string, unknown> | null): Values {
  if (!s) return EMPTY;
  const kind = (s.kind === 'aliyun' || s.kind === 'tencent' ? s.kind : 'log') as Provider;
  const saved = Object.entries((s.templates as Record<string, unknown>) ?? {});
  return {
    kind,
    keyId: str(kind === 'aliyun' ? s.accessKeyId : s.secretId),
    secret: '',
    signName: str(s.signName),
    sdkAppId: str(s.sdkAppId),
    region: str(s.region),
    endpoint: str(s.endpoint),
    templates: Object.fromEntries(saved.filter(([k]) => !k.endsWith(EN)).map(([k, v]) => [k, str(v)])),
    templatesEn: Object.fromEntries(saved.filter(([k]) => k.endsWith(EN)).map(([k, v]) => [k.slice(0, -EN.length), str(v)])),
  };
}

/** What is typed as the contract's input: empty optional fields left to the defaults, an empty secret left out. */
function inputOf(v: Values): GatewayInput {
  const templates = Object.fromEntries([...Object.entries(v.templates), ...Object.entries(v.templatesEn).map(([k, id]) => [`${k}${EN}`, id])].filter(([, id]) => id!.trim()));
  const opt = (k: string, x: string) => (x.trim() ? { [k]: x.trim() } : {});
  if (v.kind === 'log') return { kind: 'log', templates };
  if (v.kind === 'aliyun') return { kind: 'aliyun', accessKeyId: v.keyId, ...opt('accessKeySecret', v.secret), signName: v.signName, ...opt('region', v.region), ...opt('endpoint', v.endpoint), templates } as GatewayInput;
  return { kind: 'tencent', secretId: v.keyId, ...opt('secretKey', v.secret), sdkAppId: v.sdkAppId, signName: v.signName, ...opt('region', v.region), ...opt('endpoint', v.endpoint), templates } as GatewayInput;
}

const FIELD: Record<string, string> = { accessKeyId: 'keyId', secretId: 'keyId', accessKeySecret: 'secret', secretKey: 'secret' };

/**
 * Settings → text messages (managers): the SMS gateway a shop that is not enrolled sends its
 * customers' messages through (issue 20 point 4) — Alibaba Cloud, Tencent Cloud, or the log
 * gateway that sends nothing — with the provider's approved template for each message kind.
 * Secrets are never shown back; left empty, the saved one stays. An enrolled shop is told that
 * head office sends.
 */
export function MessagingPanel() {
  const { t } = useI18n();
  const q = useCall('messaging.gateway', {});
  const save = useCallMutation('messaging.saveGateway');
  const clear = useCallMutation('messaging.clearGateway');
  const { form, submit } = useContractForm<Values, GatewayInput>({
    initialValues: EMPTY,
    schema: gatewayInputSchema,
    toInput: inputOf,
    fieldOf: (p) => FIELD[p] ?? p,
  });
  const view = q.data;
  useEffect(() => {
    // The form follows the saved settings when they arrive or change (after a save, a clear), not on every render.
    if (!view) return;
    const saved = valuesOf(view.settings);
    form.setInitialValues(saved);
    form.setValues(saved);
  }, [view]);
  if (!view) return null;
  if (view.state === 'enrolled') {
    return (
      <Alert color="blue" data-testid="messaging-enrolled">
        {t('ui.messaging.enrolled')}
      </Alert>
    );
  }
  const v = form.getValues();
  const saved = view.state === 'configured' && view.settings?.kind === v.kind;
  return (
    <form onSubmit={submit(async (input) => void (await save.mutateAsync(input)))} noValidate data-testid="messaging-panel" data-state={view.state}>
      <Stack maw={760}>
        <Group gap="xs">
          <Text size="sm">{t('ui.messaging.intro')}</Text>
          <Badge variant="light" color={view.state === 'configured' ? 'green' : view.state === 'unreadable' ? 'red' : 'gray'} data-testid="messaging-state">
            {t(`ui.messaging.state.${view.state}`)}
          </Badge>
        </Group>
        {view.state === 'unreadable' ? <Alert color="red">{t('ui.messaging.unreadable')}</Alert> : null}
        <SegmentedControl
          {...form.getInputProps('kind')}
          data={(['log', 'aliyun', 'tencent'] as const).map((k) => ({ value: k, label: t(`ui.messaging.provider.${k}`) }))}
          data-testid="messaging-provider"
        />
        {v.kind === 'log' ? (
          <Text size="sm" c="dimmed">
            {t('ui.messaging.logHint')}
          </Text>
        ) : (
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t(v.kind === 'aliyun' ? 'ui.messaging.aliyunKeyId' : 'ui.messaging.tencentKeyId')} {...form.getInputProps('keyId')} data-testid="messaging-key-id" autoComplete="off" />
            <PasswordInput
              label={t(v.kind === 'aliyun' ? 'ui.messaging.aliyunSecret' : 'ui.messaging.tencentSecret')}
              placeholder={saved ? t('ui.messaging.secretKept') : ''}
              {...form.getInputProps('secret')}
              data-testid="messaging-secret"
              autoComplete="new-password"
            />
            <TextInput label={t('ui.messaging.signName')} description={t('ui.messaging.signNameHint')} {...form.getInputProps('signName')} data-testid="messaging-sign-name" />
            {v.kind === 'tencent' ? <TextInput label={t('ui.messaging.sdkAppId')} {...form.getInputProps('sdkAppId')} data-testid="messaging-sdk-app-id" /> : <div />}
            <TextInput label={t('ui.messaging.region')} placeholder={v.kind === 'aliyun' ? 'cn-hangzhou' : 'ap-guangzhou'} {...form.getInputProps('region')} />
            <TextInput label={t('ui.messaging.endpoint')} placeholder={v.kind === 'aliyun' ? 'https://dysmsapi.aliyuncs.com' : 'https://sms.tencentcloudapi.com'} {...form.getInputProps('endpoint')} data-testid="messaging-endpoint" />
          </SimpleGrid>
        )}
        <Text fw={600} size="sm">
          {t('ui.messaging.templates')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ui.messaging.templatesHint')}
        </Text>
        <Stack gap={6}>
          {MESSAGE_KINDS.map((k) => (
            <SimpleGrid key={k} cols={2} spacing="sm">
              <TextInput
                label={`${t(`ui.messaging.kind.${k}`)} · ${t('ui.messaging.templateZh')}`}
                description={DEFAULT_TEMPLATES['zh-CN'][k]}
                {...form.getInputProps(`templates.${k}`)}
                value={v.templates[k] ?? ''}
                disabled={v.kind === 'log'}
                data-testid={`messaging-template-${k}`}
              />
              <TextInput
                label={t('ui.messaging.templateEn')}
                description={DEFAULT_TEMPLATES.en[k]}
                {...form.getInputProps(`templatesEn.${k}`)}
                value={v.templatesEn[k] ?? ''}
                disabled={v.kind === 'log'}
                data-testid={`messaging-template-${k}-en`}
              />
            </SimpleGrid>
          ))}
        </Stack>
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="messaging-save">
            {t('ui.messaging.save')}
          </Button>
          {view.state !== 'none' ? (
            <Button variant="subtle" color="red" loading={clear.isPending} onClick={() => clear.mutate({})} data-testid="messaging-clear">
              {t('ui.messaging.clear')}
            </Button>
          ) : null}
          {save.isSuccess && !form.isDirty() ? (
            <Text size="sm" c="green" data-testid="messaging-saved">
              {t('ui.settings.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
