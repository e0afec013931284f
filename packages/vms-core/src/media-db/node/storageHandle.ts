import type { FrameCipher } from '../../security/node/frameCipher';

/** What the recording path needs of a configured storage at run time. */
export interface StorageHandle {
  id: string;
  /** Absolute folder. */
  root: string;
  /** Present when the storage encrypts at rest. */
  cipher?: FrameCipher;
}
