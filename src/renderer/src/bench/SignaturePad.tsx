import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

/**
 * A signature box for pointer and touch: the customer signs with a finger, stylus or mouse.
 * `onChange` gets the drawing as base64 PNG (no data: prefix), or null when cleared.
 */
export function SignaturePad({ onChange, width = 420, height = 140 }: { onChange(png: string | null): void; width?: number; height?: number }) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = ref.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
  }, []);

  const pos = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * e.currentTarget.width) / r.width, y: ((e.clientY - r.top) * e.currentTarget.height) / r.height };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const ctx = e.currentTarget.getContext('2d')!;
    const p = pos(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d')!;
    const p = pos(e);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111111';
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    setEmpty(false);
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    if (!empty || ref.current) onChange(ref.current!.toDataURL('image/png').split(',')[1] ?? null);
  };
  const clear = () => {
    const c = ref.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange(null);
  };
  return (
    <div>
      <Text size="sm" c="dimmed" mb={4}>
        {t('ui.bench.auth.sign')}
      </Text>
      <Paper withBorder p={0} w={width} style={{ touchAction: 'none', lineHeight: 0 }}>
        <canvas
          ref={ref}
          data-testid="signature-canvas"
          width={width * 2}
          height={height * 2}
          style={{ width, height, cursor: 'crosshair', touchAction: 'none' }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerLeave={up}
        />
      </Paper>
      <Group mt={4}>
        <Button size="xs" variant="subtle" onClick={clear} disabled={empty}>
          {t('ui.bench.auth.clear')}
        </Button>
      </Group>
    </div>
  );
}
