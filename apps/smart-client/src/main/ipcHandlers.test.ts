import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { IPC_CHANNELS } from '../common/ipcContract';
import type { IpcHandlers, IpcMainLike } from './ipcHandlers';
import { registerIpcHandlers } from './ipcHandlers';

const APP = 'http://127.0.0.1:7480';

/** An ipcMain stand-in that records handlers and lets the test invoke them as a frame would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, request: unknown) => unknown>();
  handle(channel: string, listener: (event: IpcMainInvokeEvent, request: unknown) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frameUrl: string | null, request?: unknown): Promise<unknown> {
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(this.handlers.get(channel)!(event, request));
  }
}

function handlers(calls: string[]): IpcHandlers {
  const record = (channel: string) => (request: unknown) => {
    calls.push(`${channel} ${JSON.stringify(request)}`);
  };
  return {
    'dialog:chooseExportFolder': (r) => (record('dialog:chooseExportFolder')(r), { path: '/exports' }),
    'shell:showItemInFolder': record('shell:showItemInFolder'),
    'exports:saveDownload': (r) => (record('exports:saveDownload')(r), { path: '/exports/a.mp4', bytes: 3 }),
    'displays:list': () => [],
    'windows:open': () => ({ windowId: 7 }),
    'windows:setFullScreen': record('windows:setFullScreen'),
    'localSite:getState': () => ({ status: 'running', dataDir: '/data', url: APP }),
    'localSite:control': (r) => ({ status: r.action === 'stop' ? 'stopped' : 'running', dataDir: '/data' }),
  };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract’s channels and removes them on dispose', () => {
    const ipc = new FakeIpcMain();
    const registration = registerIpcHandlers(ipc, APP, handlers([]));
    expect([...ipc.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    registration.dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers frames of the app', async () => {
    const calls: string[] = [];
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, APP, handlers(calls));
    expect(await ipc.invoke('dialog:chooseExportFolder', `${APP}/app/live`, {})).toEqual({ path: '/exports' });
    expect(await ipc.invoke('localSite:control', `${APP}/`, { action: 'stop' })).toEqual({ status: 'stopped', dataDir: '/data' });
    expect(calls).toEqual(['dialog:chooseExportFolder {}']);
  });

  it('refuses every channel to other origins and to gone frames, without calling the handler', async () => {
    const calls: string[] = [];
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, APP, handlers(calls));
    const strangers = ['https://evil.example/', 'http://127.0.0.1:7481/', 'http://127.0.0.1:7480.evil.example/', 'about:blank', 'data:text/html,x', null];
    for (const channel of IPC_CHANNELS) {
      for (const frame of strangers) {
        const error = await ipc.invoke(channel, frame, { path: '/etc/passwd' }).then(() => undefined, (e: unknown) => e);
        expect(isVmsError(error, 'VMS_ERR_PERMISSION_DENIED'), `${channel} from ${frame}`).toBe(true);
        expect((error as Error).message).toContain(`${channel} refused`);
      }
    }
    expect(calls).toEqual([]);
  });
});
