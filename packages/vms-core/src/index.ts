// Public, runtime-neutral surface of vms-core: types and pure helpers that clients may import.
export * from './base/common/errors';
export * from './media/common/types';
export * from './devices/common/types';
