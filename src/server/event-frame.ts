import { isEventName, type AppEvent } from '../shared/api/events';

/** One server-sent-event frame of a backend event (the renderer's client parses the same map). */
export function eventFrame(event: AppEvent): string | null {
  if (!isEventName(event.name)) return null;
  return `data: ${JSON.stringify({ name: event.name, payload: event.payload })}\n\n`;
}
