/**
 * The simulated ONVIF DeviceIO service (ver10/deviceIO): digital inputs and relay outputs. The
 * Device service answers GetRelayOutputs and SetRelayOutputState the same way (older devices
 * have no DeviceIO), so `relayOperation` serves both; every switch is recorded with the
 * service it came through, for tests to assert on.
 */
import { child, escapeXml, invalidArgument, text } from './soapXml';
import type { OperationResult, ServiceContext } from './deviceService';

export type RelayLogicalState = 'active' | 'inactive';

export interface RelayCommand {
  token: string;
  state: RelayLogicalState;
  /** Which service the command came through. */
  service: 'deviceIO' | 'device';
}

/** Each relay's state (inactive until switched) and every SetRelayOutputState received, in order. */
export interface OutputsState {
  states: Record<string, RelayLogicalState>;
  commands: RelayCommand[];
}

export function initialOutputs(tokens: readonly string[]): OutputsState {
  return { states: Object.fromEntries(tokens.map((t) => [t, 'inactive' as const])), commands: [] };
}

export function handleDeviceIoOperation(name: string, payload: unknown, ctx: ServiceContext): OperationResult | undefined {
  if (name === 'GetDigitalInputs') {
    const inputs = ctx.config.digitalInputs
      .map((i) => `<tmd:DigitalInputs token="${escapeXml(i.token)}"${i.idleState ? ` IdleState="${i.idleState}"` : ''}/>`)
      .join('');
    return { body: `<tmd:GetDigitalInputsResponse>${inputs}</tmd:GetDigitalInputsResponse>` };
  }
  return relayOperation(name, payload, ctx, 'deviceIO');
}

/** GetRelayOutputs and SetRelayOutputState, answered in the namespace of the service asked. */
export function relayOperation(name: string, payload: unknown, ctx: ServiceContext, service: RelayCommand['service']): OperationResult | undefined {
  const prefix = service === 'deviceIO' ? 'tmd' : 'tds';
  switch (name) {
    case 'GetRelayOutputs':
      return {
        body:
          `<${prefix}:GetRelayOutputsResponse>` +
          ctx.config.relayOutputs
            .map((r) =>
              `<${prefix}:RelayOutputs token="${escapeXml(r.token)}"><tt:Properties><tt:Mode>Bistable</tt:Mode>` +
              `<tt:DelayTime>PT0S</tt:DelayTime><tt:IdleState>open</tt:IdleState></tt:Properties></${prefix}:RelayOutputs>`)
            .join('') +
          `</${prefix}:GetRelayOutputsResponse>`,
      };
    case 'SetRelayOutputState': {
      const token = text(child(payload, 'RelayOutputToken'));
      const state = text(child(payload, 'LogicalState'));
      if (!token || !ctx.config.relayOutputs.some((r) => r.token === token)) return invalidArgument('ter:RelayToken', 'No such relay output');
      if (state !== 'active' && state !== 'inactive') return invalidArgument('ter:ModeError', 'LogicalState is active or inactive');
      ctx.outputs.states[token] = state;
      ctx.outputs.commands.push({ token, state, service });
      return { body: `<${prefix}:SetRelayOutputStateResponse/>` };
    }
    default:
      return undefined;
  }
}
