import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { makeThumbnail } from './thumbnail';
import { useT } from '../i18n/I18nProvider';
import type { PhotoForm } from './intakeForm';

/** The counter's webcam, when the PC has one: a live preview and a snapshot as a JPEG photo. */
export function WebcamCapture({ onShot }: { onShot(photo: PhotoForm): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    navigator.mediaDevices
      .getUserMedia({ video: { width: 1280, height: 960 } })
      .then((s) => {
        stream.current = s;
        if (video.current) video.current.srcObject = s;
      })
      .catch(() => setError(t('ui.counter.photos.noCamera')));
    // the camera light goes off as soon as the dialog closes
    return () => stream.current?.getTracks().forEach((tr) => tr.stop());
  }, [open, t]);

  const shoot = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        const url = canvas.toDataURL('image/jpeg', 0.85);
        void makeThumbnail(blob).then((thumbBase64) => {
          onShot({ name: `webcam-${Date.now()}.jpg`, mime: 'image/jpeg', dataBase64: url.replace(/^data:[^,]*,/, ''), thumbBase64, previewUrl: URL.createObjectURL(blob) });
          setOpen(false);
        });
      },
      'image/jpeg',
      0.85,
    );
  };

  if (!navigator.mediaDevices?.getUserMedia) return null;
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)} data-testid="webcam-open">
        {t('ui.counter.photos.webcam')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('ui.counter.photos.webcam')} size="lg">
        {error ? <Text c="red">{error}</Text> : <video ref={video} autoPlay playsInline muted style={{ width: '100%', borderRadius: 4 }} data-testid="webcam-video" />}
        <Group justify="flex-end" mt="sm">
          <Button onClick={shoot} disabled={!!error} data-testid="webcam-shoot">
            {t('ui.counter.photos.shoot')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
