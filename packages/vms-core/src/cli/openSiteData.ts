import { existsSync } from 'node:fs';
import { VmsError } from '../base/common/errors';
import { MediaDb } from '../media-db/node/mediaDb';
import type { StorageHandle } from '../media-db/node/storageHandle';
import { ConfigStore } from '../management/node/configStore';
import { FrameCipher } from '../security/node/frameCipher';
import { SiteKeys } from '../security/node/siteKeys';
import { siteLayout } from '../site/node/site';

/** Opens a site's databases for offline tools (check, verify) without starting any server. */
export function openSiteData(dataDir: string) {
  const layout = siteLayout(dataDir);
  if (!existsSync(layout.keyFile) || !existsSync(layout.mediaDb)) {
    throw new VmsError('VMS_ERR_NOT_FOUND', `${layout.root} is not a Nightjar data folder (no site key or media database)`);
  }
  const keys = SiteKeys.loadOrCreate(layout.keyFile);
  const config = new ConfigStore(layout.configDb, keys);
  const media = new MediaDb(layout.mediaDb);
  const storages: StorageHandle[] = config.listStorages().map((s) => ({
    id: s.id, root: s.path, ...(s.encrypted && s.wrappedKey ? { cipher: new FrameCipher(keys.unwrapKey(s.wrappedKey, s.id)) } : {}),
  }));
  return {
    keys, config, media, storages,
    close() {
      media.close();
      config.close();
    },
  };
}
