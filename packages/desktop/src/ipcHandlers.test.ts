import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import type { IpcHandlers, IpcMainLike } from './ipcHandlers';
import { registerIpcHandlers } from './ipcHandlers';

const APP = 'http://127.0.0.1:7480';

/** A contract as an app declares one (src/common/ipcContract.ts). */
interface TestContract {
  'dialog:chooseFolder': { request: { defaultPath?: string }; response: { path: string | null } };
  'shell:showItemInFolder': { request: { path: string }; response: void };
  'displays:list': { request: void; response: number[] };
}
const CHANNELS = ['dialog:chooseFolder', 'shell:showItemInFolder', 'displays:list'] as const;

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

function handlers(calls: string[]): IpcHandlers<TestContract> {
  return {
    'dialog:chooseFolder': (r) => {
      calls.push(`dialog:chooseFolder ${JSON.stringify(r)}`);
      return { path: r.defaultPath ?? '/exports' };
    },
    'shell:showItemInFolder': (r) => {
      calls.push(`shell:showItemInFolder ${r.path}`);
    },
    'displays:list': () => [1, 2],
  };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract’s channels and removes them on dispose', () => {
    const ipc = new FakeIpcMain();
    const registration = registerIpcHandlers(ipc, APP, CHANNELS, handlers([]));
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    registration.dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers frames of the app, passing the request through', async () => {
    const calls: string[] = [];
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, APP, CHANNELS, handlers(calls));
    expect(await ipc.invoke('dialog:chooseFolder', `${APP}/admin/storage`, { defaultPath: '/srv' })).toEqual({ path: '/srv' });
    expect(await ipc.invoke('displays:list', `${APP}/`)).toEqual([1, 2]);
    expect(calls).toEqual(['dialog:chooseFolder {"defaultPath":"/srv"}']);
  });

  it('refuses every channel to other origins and to gone frames, without calling the handler', async () => {
    const calls: string[] = [];
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, APP, CHANNELS, handlers(calls));
    const strangers = ['https://evil.example/', 'http://127.0.0.1:7481/', 'http://127.0.0.1:7480.evil.example/', 'about:blank', 'data:text/html,x', null];
    for (const channel of CHANNELS) {
      for (const frame of strangers) {
        const error = await ipc.invoke(channel, frame, { path: '/etc/passwd' }).then(() => undefined, (e: unknown) => e);
        expect(isVmsError(error, 'VMS_ERR_PERMISSION_DENIED'), `${channel} from ${frame}`).toBe(true);
        expect((error as Error).message).toContain(`${channel} refused`);
      }
    }
    expect(calls).toEqual([]);
  });
});
