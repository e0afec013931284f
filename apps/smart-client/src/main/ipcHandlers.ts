/**
 * Registers one main-process handler per channel of the IPC contract, each behind the sender
 * check: a call is answered only for a frame showing the app's origin (a page that navigated
 * elsewhere, an iframe of another origin or a destroyed frame gets VMS_ERR_PERMISSION_DENIED).
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Disposable } from '@nightjar/vms-core';
import { VmsError } from '@nightjar/vms-core';
import type { IpcChannel, IpcRequest, IpcResponse } from '../common/ipcContract';
import { IPC_CHANNELS } from '../common/ipcContract';
import { isTrustedSender } from './originPolicy';

export type IpcHandler<C extends IpcChannel> = (request: IpcRequest<C>, event: IpcMainInvokeEvent) => IpcResponse<C> | Promise<IpcResponse<C>>;
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

/** The part of Electron's ipcMain used here (tests pass their own). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, request: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

export function registerIpcHandlers(ipc: IpcMainLike, appOrigin: string, handlers: IpcHandlers): Disposable {
  const register = <C extends IpcChannel>(channel: C) => {
    const handler = handlers[channel] as IpcHandler<C>;
    ipc.handle(channel, async (event, request) => {
      // senderFrame is null once the frame navigated away or was destroyed.
      const frame = event.senderFrame;
      if (!isTrustedSender(frame, appOrigin)) {
        throw new VmsError('VMS_ERR_PERMISSION_DENIED', `${channel} refused: the caller (${frame?.url ?? 'a gone frame'}) is not the app at ${appOrigin}`);
      }
      return handler(request as IpcRequest<C>, event);
    });
  };
  for (const channel of IPC_CHANNELS) register(channel);
  return { dispose: () => IPC_CHANNELS.forEach((channel) => ipc.removeHandler(channel)) };
}
