/**
 * Code 128 as SVG, drawn by bwip-js. Vector bars stay sharp at any printer resolution (a PNG
 * would be resampled by the driver and blur the narrow bars on a 203 dpi thermal head).
 * `preserveAspectRatio="none"` lets the layout choose width and bar height independently.
 */
import { bwip } from '../lazy/libraries';

const cache = new Map<string, string>();

export function code128Svg(text: string): string {
  let svg = cache.get(text);
  if (svg) return svg;
  svg = bwip()
    .toSVG({ bcid: 'code128', text, scale: 1, height: 10, includetext: false, paddingwidth: 0, paddingheight: 0 })
    .replace('<svg ', '<svg preserveAspectRatio="none" ');
  // Receipts and labels for the same ticket are printed together; a small cache is enough.
  if (cache.size > 500) cache.clear();
  cache.set(text, svg);
  return svg;
}
