/**
 * The console's preload: exposes `window.desktop`, one function per IPC channel.
 *
 * No logic here and never `ipcRenderer` itself (Electron docs/tutorial/ipc.md): main checks
 * the sender and validates every argument. Built as CommonJS because a sandboxed preload
 * cannot load an ES module.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from './contract.ts';

const desktop: DesktopApi = {
  showNotification: request => ipcRenderer.invoke('notify:show', request),
  setBadge: (waitingCount, lang) => ipcRenderer.invoke('badge:set', waitingCount, lang),
  saveFile: request => ipcRenderer.invoke('files:save', request),
  getSession: () => ipcRenderer.invoke('session:get'),
  setSession: token => ipcRenderer.invoke('session:set', token),
  clearSession: () => ipcRenderer.invoke('session:clear'),
  getServiceUrl: () => ipcRenderer.invoke('settings:get-service-url'),
  setServiceUrl: url => ipcRenderer.invoke('settings:set-service-url', url),
};

contextBridge.exposeInMainWorld('desktop', desktop);
