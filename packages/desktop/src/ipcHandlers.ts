/**
 * Registers one main-process handler per channel of an app's IPC contract, each behind the
 * sender check: a call is answered only for a frame showing the app's origin (a page that
 * navigated elsewhere, an iframe of another origin or a destroyed frame gets
 * VMS_ERR_PERMISSION_DENIED). Each app declares its contract in its src/common/ipcContract.ts
 * (channel → request and response) with the list of its channels.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Disposable } from '@nightjar/vms-core';
import { VmsError } from '@nightjar/vms-core';
import { isTrustedSender } from './originPolicy';

/** The shape of an app's IPC contract (an interface): one entry per invoke channel. */
export type IpcContractShape<T> = { [C in keyof T]: { request: unknown; response: unknown } };

export type IpcHandler<T extends IpcContractShape<T>, C extends keyof T> =
  (request: T[C]['request'], event: IpcMainInvokeEvent) => T[C]['response'] | Promise<T[C]['response']>;
/** One handler per channel of the contract `T`: a missing channel does not compile. */
export type IpcHandlers<T extends IpcContractShape<T>> = { [C in keyof T]: IpcHandler<T, C> };

/** The part of Electron's ipcMain used here (tests pass their own). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, request: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

export function registerIpcHandlers<T extends IpcContractShape<T>>(
  ipc: IpcMainLike, appOrigin: string, channels: readonly (keyof T & string)[], handlers: IpcHandlers<T>,
): Disposable {
  for (const channel of channels) {
    const handler = handlers[channel];
    ipc.handle(channel, async (event, request) => {
      // senderFrame is null once the frame navigated away or was destroyed.
      const frame = event.senderFrame;
      if (!isTrustedSender(frame, appOrigin)) {
        throw new VmsError('VMS_ERR_PERMISSION_DENIED', `${channel} refused: the caller (${frame?.url ?? 'a gone frame'}) is not the app at ${appOrigin}`);
      }
      return handler(request as T[typeof channel]['request'], event);
    });
  }
  return { dispose: () => channels.forEach((channel) => ipc.removeHandler(channel)) };
}
