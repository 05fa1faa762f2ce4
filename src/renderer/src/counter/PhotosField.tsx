import { ActionIcon, Button, FileButton, Group, Image, Input, Stack, Text } from '@mantine/core';
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, MAX_PHOTOS_PER_INTAKE } from '../../../shared/tickets/schemas';
import { useT } from '../i18n/I18nProvider';
import type { PhotoForm } from './intakeForm';
import { WebcamCapture } from './WebcamCapture';
import { makeThumbnail } from './thumbnail';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Photos of the device's condition, from files (a phone's pictures) or the counter's webcam. */
export function PhotosField({ value, onChange, error }: { value: PhotoForm[]; onChange(v: PhotoForm[]): void; error?: string }) {
  const t = useT();
  const add = async (files: File[]) => {
    const ok = files.filter((f) => (ATTACHMENT_MIMES as readonly string[]).includes(f.type) && f.size <= MAX_ATTACHMENT_BYTES);
    const next = await Promise.all(
      ok.map(async (f) => ({ name: f.name, mime: f.type as PhotoForm['mime'], dataBase64: await readBase64(f), thumbBase64: await makeThumbnail(f), previewUrl: URL.createObjectURL(f) })),
    );
    onChange([...value, ...next].slice(0, MAX_PHOTOS_PER_INTAKE));
  };
  return (
    <Input.Wrapper label={t('ui.counter.photos.title')} description={t('ui.counter.photos.hint', { max: MAX_PHOTOS_PER_INTAKE })} error={error}>
      <Stack gap={6} mt={4}>
        <Group gap="xs">
          {value.map((p, i) => (
            <div key={p.previewUrl} style={{ position: 'relative' }}>
              <Image src={p.previewUrl} w={72} h={72} radius="sm" fit="cover" alt={p.name} />
              <ActionIcon
                size="xs"
                color="red"
                variant="filled"
                style={{ position: 'absolute', top: 2, right: 2 }}
                aria-label={t('ui.counter.photos.remove')}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </div>
          ))}
          <FileButton onChange={(f) => void add(f)} accept={ATTACHMENT_MIMES.join(',')} multiple>
            {(props) => (
              <Button {...props} variant="default" size="xs" data-testid="add-photos">
                {t('ui.counter.photos.add')}
              </Button>
            )}
          </FileButton>
          <WebcamCapture onShot={(p) => onChange([...value, p].slice(0, MAX_PHOTOS_PER_INTAKE))} />
          {value.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('ui.counter.photos.none')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
