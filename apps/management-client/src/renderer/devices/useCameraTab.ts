/** One camera property tab as a form (usePropertyForm): updateCamera, then the camera's status is refetched. */
import { queryKeys } from '@nightjar/ui';
import type { CameraBody, UpdateCameraBody } from '@nightjar/vms-core';
import { useAdmin } from '../session/adminContext';
import { isEmptyBody } from './cameraForms';
import { putCamera, updateCamera } from './devicesApi';
import type { PropertyFormSpec, TabDrafts } from './usePropertyForm';
import { usePropertyForm } from './usePropertyForm';

export type { TabDrafts } from './usePropertyForm';
export type CameraTabSpec<F> = PropertyFormSpec<CameraBody, UpdateCameraBody, F>;

export function useCameraTab<F>(camera: CameraBody, spec: CameraTabSpec<F>, drafts: TabDrafts, tabId: string) {
  const { client, queryClient } = useAdmin();
  return usePropertyForm(camera, spec, drafts, tabId, {
    isEmpty: isEmptyBody,
    save: (b) => updateCamera(client, camera.id, b),
    onSaved: (saved) => {
      queryClient.setQueryData<CameraBody[]>(queryKeys.cameras(), (list) => putCamera(list, saved));
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameraStatus(saved.id) });
    },
  });
}

export type CameraTab<F> = ReturnType<typeof useCameraTab<F>>;
