/**
 * Where a recognised scan goes, by what had focus. A field marked `data-scan="enter"` is a
 * scan field with its own Enter (the bench's and the stocktake's scan boxes): the code stays in
 * it and its Enter reaches it, exactly as if typed. A field marked `data-scan="text"` takes the
 * code as its text (an IMEI, a serial list) and its Enter is stopped, so a scan never submits the
 * form around it. Any other field keeps the text it had before the burst (the burst is taken
 * back out of it) and the code goes to the screen's scan handlers, as it does with no field.
 */
export type ScanField = 'enter' | 'text';

export interface ScanRoute {
  /** Stop the burst's Enter before any component sees it. */
  stopEnter: boolean;
  /** Put the focused field's text back as it was before the burst's first key. */
  restoreField: boolean;
  /** Call the screen's scan handlers with the code. */
  toHandlers: boolean;
}

export function scanFieldOf(mark: string | undefined): ScanField | null {
  return mark === 'enter' || mark === 'text' ? mark : null;
}

export function routeScan(field: ScanField | null, editable: boolean): ScanRoute {
  if (field === 'enter') return { stopEnter: false, restoreField: false, toHandlers: false };
  if (field === 'text') return { stopEnter: true, restoreField: false, toHandlers: true };
  return { stopEnter: true, restoreField: editable, toHandlers: true };
}
