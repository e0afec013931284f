/**
 * The parts of @nightjar/desktop that load `electron` (and so run only inside an Electron main
 * process): the window factory, the site-address prompt and the tray.
 */
export { createPageWindow, createWindow, hardenSession, pageUrl } from './windowFactory';
export type { WindowSpec } from './windowFactory';
export { askSiteAddress } from './siteAddressPrompt';
export { SiteTray } from './siteTray';
