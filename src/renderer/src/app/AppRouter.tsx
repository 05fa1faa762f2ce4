import { createHashRouter, RouterProvider } from 'react-router';
import { App } from './App';

/**
 * Hash history: the Electron custom protocol and the shop host both serve one index.html, so
 * every screen's URL lives after the # (`#/bench/queue/mine`, `#/tickets/SZ01-2612-0001`).
 * The app decides sign-in itself; every path renders it (src/renderer/src/nav/paths.ts).
 */
const router = createHashRouter([{ path: '*', element: <App /> }]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
