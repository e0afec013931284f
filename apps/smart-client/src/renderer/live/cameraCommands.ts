/**
 * Camera commands the tile toolbar sends that SiteClient does not offer yet: manual recording
 * start and stop (startManualRecording, stopManualRecording). They go through the client's
 * bearer token with the same rules as its own calls (one refresh and retry on 401, errors as
 * ApiError), so they can move into SiteClient unchanged.
 */
import { ApiError, NETWORK_ERROR_CODE } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';

export interface ManualRecordingBody {
  recording: boolean;
  /** When the site stops it by itself (the camera's manual maximum); null when stopped. */
  until: string | null;
}

async function send(client: SiteClient, method: 'POST' | 'DELETE', path: string, fetchImpl: typeof fetch): Promise<Response> {
  const attempt = async (refresh: boolean) => {
    const token = await client.accessToken({ refresh });
    if (!token) throw new ApiError(401, 'VMS_ERR_UNAUTHENTICATED', 'not signed in');
    try {
      return await fetchImpl(client.resolveUrl(path), { method, headers: { authorization: `Bearer ${token}` } });
    } catch (e) {
      throw new ApiError(0, NETWORK_ERROR_CODE, `cannot reach ${client.baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const first = await attempt(false);
  return first.status === 401 ? attempt(true) : first;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    typeof body.message === 'string' ? body.message : response.statusText,
  );
}

/** Starts (true) or stops (false) a manual recording of the camera. */
export async function setManualRecording(client: SiteClient, cameraId: string, on: boolean, fetchImpl: typeof fetch = fetch): Promise<ManualRecordingBody> {
  const response = await send(client, on ? 'POST' : 'DELETE', `/api/cameras/${encodeURIComponent(cameraId)}/manual-recording`, fetchImpl);
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ManualRecordingBody;
}
