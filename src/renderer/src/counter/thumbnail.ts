import { MAX_THUMB_BYTES, THUMB_EDGE_PX } from '../../../shared/tickets/schemas';

/**
 * The list thumbnail of a photo, made here where the browser decodes images anyway: the picture
 * scaled to THUMB_EDGE_PX on its long side, as a JPEG, base64. Undefined when the browser cannot
 * decode it (HEIC in Chromium) or the result is too large: lists then show the photo's name.
 */
export async function makeThumbnail(image: Blob): Promise<string | undefined> {
  try {
    const bitmap = await createImageBitmap(image);
    const scale = Math.min(1, THUMB_EDGE_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const g = canvas.getContext('2d');
    if (!g) return undefined;
    g.fillStyle = '#fff'; // a transparent PNG gets a white ground, as JPEG has no alpha
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const b64 = canvas.toDataURL('image/jpeg', 0.75).replace(/^data:[^,]*,/, '');
    return b64.length * 0.75 <= MAX_THUMB_BYTES ? b64 : undefined;
  } catch {
    return undefined;
  }
}
