import type { Page } from '@playwright/test';

/**
 * The visible text of the page, one chunk per element: its own text nodes joined (so
 * `收入: cash` stays one chunk even when label and value are two nodes), and each visible
 * field's value and placeholder.
 */
export function visibleTextChunks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => {
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('script, style, noscript, [aria-hidden="true"]') || !shown(el)) continue;
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (own) out.push(own);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        // a checkbox's or radio's value is its code, never shown; a text field's value is on screen
        const shownValue = el instanceof HTMLTextAreaElement || ['text', 'search', 'tel', 'email', 'number', 'url', ''].includes(el.type);
        if (shownValue && el.value) out.push(el.value);
        if (el.placeholder) out.push(el.placeholder);
      }
    }
    return out;
  });
}

/**
 * What is drawn past the window's right edge: the document wider than the window, a visible
 * element whose right edge is past it and that no scrolling or clipping box of its own holds,
 * or a box that must be scrolled sideways to show its content (a table cut at the counter PC's width).
 */
export function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > vw + 1) out.push(`document is ${document.documentElement.scrollWidth}px wide in a ${vw}px window`);
    const held = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const o = getComputedStyle(el).overflowX;
      if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && el.getBoundingClientRect().height > 1)
        out.push(`${describe(el)} scrolls sideways: ${el.scrollWidth}px of content in ${el.clientWidth}px`);
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.right <= vw + 1) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || s.position === 'fixed') continue;
      if (held(el)) continue;
      out.push(`${describe(el)} ends at ${Math.round(r.right)}px of ${vw}px`);
      if (out.length > 5) break;
    }
    return out;
  });
}
