/**
 * Mounted once in the signed-in shell: finished exports are saved (folder or download) even
 * when no export or status dialog is open. Renders nothing.
 */
import { useExportSaving } from './useExportSaving';

export function ExportSaving() {
  useExportSaving();
  return null;
}
