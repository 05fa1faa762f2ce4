import { useEffect, useRef } from 'react';
import { api } from '../api/client';

/**
 * Calls `refresh` when any ticket changes (the backend's tickets.changed event, from this or
 * another counter) and when the window regains focus (an event missed while asleep).
 */
export function useTicketsChanged(refresh: (changedId?: string) => void): void {
  const ref = useRef(refresh);
  ref.current = refresh;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('tickets.changed', (p) => {
      clearTimeout(timer);
      const id = (p as { id?: string } | null)?.id;
      timer = setTimeout(() => ref.current(id), 150);
    });
    const onFocus = () => ref.current();
    window.addEventListener('focus', onFocus);
    return () => {
      off();
      clearTimeout(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, []);
}
