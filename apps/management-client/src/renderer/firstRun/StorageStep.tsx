/**
 * First run, step 2: where recordings go and how long they stay. Keeping the site's folder
 * changes its retention and size; another folder becomes a new storage the cameras added next
 * record to. One request (storagePlan); the site's refusal shows beside the field it names.
 */
import { useQuery } from '@tanstack/react-query';
import { storagesConfigQuery } from '../servers/serversApi';
import { useAdmin } from '../session/adminContext';
import { baseStorage } from './storagePlan';
import { StorageStepForm } from './StorageStepForm';

export interface StorageStepProps {
  createdId: string | null;
  onSaved: (storageId: string, created?: { id: string; path: string }) => void;
  onSkip: () => void;
  onBack: () => void;
}

export function StorageStep(props: StorageStepProps) {
  const { client } = useAdmin();
  const storages = useQuery(storagesConfigQuery(client));
  if (storages.isPending) return <p className="muted"><span className="spinner spinner-sm" aria-hidden /> Reading the storages…</p>;
  if (storages.isError) return <div className="error-note" role="alert">{storages.error.message}</div>;
  const base = baseStorage(storages.data, props.createdId);
  if (!base) return <div className="error-note" role="alert">The site has no storage; add one under Storage and archives.</div>;
  return <StorageStepForm {...props} storages={storages.data} base={base} />;
}
