/** The Hardware column of the device overviews: the hardware's name and address. */
import type { HardwareLabel } from './cameraGroups';

export function HardwareCell({ hardwareId, hardware }: { hardwareId: string; hardware: ReadonlyMap<string, HardwareLabel> }) {
  const hw = hardware.get(hardwareId);
  return (
    <td title={hw ? `${hw.name} — ${hw.address}` : hardwareId}>
      {hw ? hw.name : '…'}{hw ? <span className="muted device-address"> · {hw.address}</span> : null}
    </td>
  );
}
