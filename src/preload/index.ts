/**
 * The only bridge between the page and the app: call(name, input) and on(event, handler).
 * The language of error messages follows <html lang>, which the renderer sets.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeEvent, FixpointBridge } from '../shared/api/bridge';

const bridge: FixpointBridge = {
  call: (name, input) => ipcRenderer.invoke('fixpoint:call', { name, input, locale: document.documentElement.lang || 'zh-CN' }),
  on(event, handler) {
    const listener = (_e: IpcRendererEvent, msg: BridgeEvent) => {
      if (msg.name === event) handler(msg.payload as Parameters<typeof handler>[0]);
    };
    ipcRenderer.on('fixpoint:event', listener);
    return () => ipcRenderer.removeListener('fixpoint:event', listener);
  },
};

contextBridge.exposeInMainWorld('fixpoint', bridge);
