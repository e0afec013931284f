/** One device property tab as a form (usePropertyForm): updateDevice, and every cached device list follows. */
import { queryKeys } from '@nightjar/ui';
import type { DeviceBody, UpdateDeviceBody } from '@nightjar/vms-core';
import { useAdmin } from '../session/adminContext';
import { isEmptyDeviceBody, putDevice } from './deviceForms';
import type { PropertyFormSpec, TabDrafts } from './usePropertyForm';
import { usePropertyForm } from './usePropertyForm';

export type DeviceTabSpec<F> = PropertyFormSpec<DeviceBody, UpdateDeviceBody, F>;

export function useDeviceForm<F>(device: DeviceBody, spec: DeviceTabSpec<F>, drafts: TabDrafts, tabId: string) {
  const { client, queryClient } = useAdmin();
  return usePropertyForm(device, spec, drafts, tabId, {
    isEmpty: isEmptyDeviceBody,
    save: (b) => client.updateDevice(device.id, b),
    onSaved: (saved) => queryClient.setQueriesData<DeviceBody[]>({ queryKey: queryKeys.configuration('devices') }, (list) => putDevice(list, saved)),
  });
}
