/**
 * What rules refer to by id, read once for the rule list and editor: cameras, storages,
 * recording servers, time profiles, user-defined and generic events, analytics sources, the
 * hardware's inputs and outputs and the hardware itself, with the names the rule sentence uses.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { camerasQuery, devicesQuery, storagesQuery } from '@nightjar/ui';
import { analyticsSourcesQuery } from '../analytics/analyticsApi';
import type { AnalyticsSourceBody } from '../analytics/analyticsApi';
import { hardwareListQuery } from '../devices/devicesApi';
import { useAdmin } from '../session/adminContext';
import { genericEventsQuery, userDefinedEventsQuery } from './eventDefinitionsApi';
import type { GenericEventBody, UserDefinedEventBody } from './eventDefinitionsApi';
import type { RuleNames } from './ruleSentence';
import { recordingServersQuery, timeProfilesQuery } from './rulesApi';
import type { StoredTimeProfileBody } from './rulesApi';

export interface Named {
  id: string;
  name: string;
}

export interface RuleContextData {
  names: RuleNames;
  /** Every camera of the site (from the hardware list, which rule editors may read), by name. */
  cameras: readonly Named[];
  /** Cameras known to steer (PTZ); those the user has no camera right on are not known here. */
  ptzCameraIds: ReadonlySet<string>;
  storages: readonly Named[];
  servers: readonly Named[];
  profiles: readonly StoredTimeProfileBody[];
  userDefined: readonly UserDefinedEventBody[];
  generic: readonly GenericEventBody[];
  analytics: readonly AnalyticsSourceBody[];
  /** Inputs and outputs of the hardware (disabled ones marked in their name: a rule may not set one), and the hardware units. */
  inputs: readonly Named[];
  outputs: readonly Named[];
  hardware: readonly Named[];
  /** True until every list has answered (or failed). */
  loading: boolean;
}

const finder = (list: readonly Named[] | undefined) => (id: string) => list?.find((x) => x.id === id)?.name;

export function useRuleContext(): RuleContextData {
  const { client } = useAdmin();
  // listCameras gives only cameras the user has rights on; the hardware list gives them all.
  const hardware = useQuery(hardwareListQuery(client));
  const visible = useQuery(camerasQuery(client));
  const storages = useQuery(storagesQuery(client));
  const servers = useQuery(recordingServersQuery(client));
  const profiles = useQuery(timeProfilesQuery(client));
  const userDefined = useQuery(userDefinedEventsQuery(client));
  const generic = useQuery(genericEventsQuery(client));
  const analytics = useQuery(analyticsSourcesQuery(client));
  const inputs = useQuery(devicesQuery(client, { kind: 'input' }));
  const outputs = useQuery(devicesQuery(client, { kind: 'output' }));
  const all = [hardware, visible, storages, servers, profiles, userDefined, generic, analytics, inputs, outputs];
  const loading = all.some((q) => q.isPending);

  return useMemo(() => {
    const fromHardware = (hardware.data ?? []).flatMap((h) => h.cameras.map((c) => ({ id: c.id, name: c.name })));
    const cameras = fromHardware.length > 0 ? fromHardware : (visible.data ?? []).map((c) => ({ id: c.id, name: c.name }));
    const named = (list: typeof inputs.data) => (list ?? []).map((x) => ({ id: x.id, name: x.enabled ? x.name : `${x.name} (disabled)` }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    const units = (hardware.data ?? []).map((h) => ({ id: h.id, name: h.name }));
    const devices = [...(inputs.data ?? []), ...(outputs.data ?? [])];
    return {
      names: {
        camera: finder(cameras), storage: finder(storages.data), server: finder(servers.data), timeProfile: finder(profiles.data),
        userDefinedEvent: finder(userDefined.data), genericEvent: finder(generic.data), analyticsSource: finder(analytics.data),
        device: finder(devices), hardware: finder(units),
      },
      cameras, ptzCameraIds: new Set((visible.data ?? []).filter((c) => c.ptz.supported).map((c) => c.id)),
      storages: storages.data ?? [], servers: servers.data ?? [], profiles: profiles.data ?? [],
      userDefined: userDefined.data ?? [], generic: generic.data ?? [], analytics: analytics.data ?? [],
      inputs: named(inputs.data), outputs: named(outputs.data), hardware: units, loading,
    };
  }, [hardware.data, visible.data, storages.data, servers.data, profiles.data, userDefined.data, generic.data, analytics.data, inputs.data, outputs.data, loading]);
}
