import type { CSSProperties, ReactNode } from 'react';
import { Badge, Text, useMantineTheme, type BadgeProps, type MantineTheme } from '@mantine/core';

/**
 * Mantine's Badge and Text as plain elements with Mantine's own classes and CSS variables (its
 * `classes` and `varsResolver`, which Mantine exposes for this), for what a list repeats on every
 * row. A Mantine component resolves its props, styles and variables through several layers at
 * every render: a 50-row ticket list draws ~300 badges and texts, and at a low-end PC's speed that
 * was most of its mount. The look is Mantine's; the colours' variables are worked out once per
 * colour, variant and size.
 */
type Look = Pick<BadgeProps, 'color' | 'variant' | 'size'>;
const badgeVars = new WeakMap<MantineTheme, Map<string, CSSProperties>>();

function varsOf(theme: MantineTheme, look: Look): CSSProperties {
  const key = `${look.color}|${look.variant}|${look.size}`;
  const known = badgeVars.get(theme) ?? new Map<string, CSSProperties>();
  badgeVars.set(theme, known);
  const found = known.get(key);
  if (found) return found;
  const vars = Object.fromEntries(Object.entries(Badge.varsResolver(theme, look, {}).root).filter(([, v]) => v !== undefined)) as CSSProperties;
  known.set(key, vars);
  return vars;
}

export function LightBadge({ color, variant = 'filled', size = 'md', style, labelStyle, children, ...data }: Look & { style?: CSSProperties; labelStyle?: CSSProperties; children: ReactNode } & Record<`data-${string}`, string | undefined>) {
  const theme = useMantineTheme();
  const className = variant === 'dot' ? `${Badge.classes.root} ${Badge.classes['root--dot']}` : Badge.classes.root;
  return (
    <span className={className} data-variant={variant} data-size={size} style={{ ...varsOf(theme, { color, variant, size }), ...style }} {...data}>
      <span className={Badge.classes.label} style={labelStyle}>
        {children}
      </span>
    </span>
  );
}

/** A line of text as `<Text size>` draws it; `dimmed` is Mantine's dimmed colour, `clamp` its lineClamp. */
export function LightText({ size = 'sm', dimmed, weight, clamp, nowrap, children }: { size?: 'xs' | 'sm'; dimmed?: boolean; weight?: number; clamp?: number; nowrap?: boolean; children: ReactNode }) {
  const style = {
    '--text-fz': `var(--mantine-font-size-${size})`,
    '--text-lh': `var(--mantine-line-height-${size})`,
    ...(clamp ? { '--text-line-clamp': String(clamp) } : {}),
    ...(dimmed ? { color: 'var(--mantine-color-dimmed)' } : {}),
    ...(weight ? { fontWeight: weight } : {}),
    ...(nowrap ? { whiteSpace: 'nowrap' } : {}),
  } as CSSProperties;
  return (
    <p className={Text.classes.root} data-line-clamp={clamp ? true : undefined} style={style}>
      {children}
    </p>
  );
}
