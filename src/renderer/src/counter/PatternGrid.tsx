import { useRef, useState } from 'react';

const SIZE = 132;
const STEP = SIZE / 3;
const center = (d: number) => ({ x: ((d - 1) % 3) * STEP + STEP / 2, y: Math.floor((d - 1) / 3) * STEP + STEP / 2 });

/**
 * The 3×3 unlock pattern, drawn with a pointer (mouse, pen, finger): the dots passed become
 * digits 1–9, the same text the counter can type in the field beside it.
 */
export function PatternGrid({ value, onChange, label }: { value: string; onChange(v: string): void; label: string }) {
  const [drawing, setDrawing] = useState(false);
  const ref = useRef<SVGSVGElement>(null);
  const dotAt = (e: React.PointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * SIZE;
    const y = ((e.clientY - r.top) / r.height) * SIZE;
    const col = Math.floor(x / STEP);
    const row = Math.floor(y / STEP);
    if (col < 0 || col > 2 || row < 0 || row > 2) return null;
    const c = center(row * 3 + col + 1);
    // Only near the dot itself, so a diagonal stroke does not pick up its neighbours.
    return Math.hypot(x - c.x, y - c.y) < STEP * 0.34 ? String(row * 3 + col + 1) : null;
  };
  const add = (e: React.PointerEvent, current: string) => {
    const d = dotAt(e);
    if (d && !current.includes(d)) onChange(current + d);
  };
  const pts = [...value].map((d) => center(Number(d)));
  return (
    <svg
      ref={ref}
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={label}
      data-testid="pattern-grid"
      style={{ touchAction: 'none', background: 'var(--mantine-color-gray-0)', borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)', cursor: 'crosshair' }}
      onPointerDown={(e) => {
        (e.target as Element).setPointerCapture?.(e.pointerId);
        setDrawing(true);
        onChange('');
        const d = dotAt(e);
        if (d) onChange(d);
      }}
      onPointerMove={(e) => drawing && add(e, value)}
      onPointerUp={() => setDrawing(false)}
    >
      {pts.length > 1 ? <polyline points={pts.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="var(--mantine-color-indigo-5)" strokeWidth={5} strokeLinecap="round" strokeLinejoin="round" /> : null}
      {Array.from({ length: 9 }, (_, i) => {
        const c = center(i + 1);
        const on = value.includes(String(i + 1));
        return (
          <g key={i}>
            <circle cx={c.x} cy={c.y} r={on ? 10 : 7} fill={on ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-5)'} />
            {on ? (
              <text x={c.x + 12} y={c.y - 8} fontSize={10} fill="var(--mantine-color-indigo-8)">
                {value.indexOf(String(i + 1)) + 1}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
