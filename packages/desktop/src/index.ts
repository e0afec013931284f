/**
 * @nightjar/desktop: the Electron shells' shared main-process code, and what their launchers
 * need. This entry never loads `electron` at run time (type imports only), so the launchers run
 * it in plain Node; the modules that do are under `@nightjar/desktop/electron`, the esbuild app
 * builder under `@nightjar/desktop/build`. Renderers import none of it (eslint.config.js).
 */
export { displayMissing, electronBinary } from './electronBinary';
export type { ElectronBinary } from './electronBinary';
export { LocalSite, repoSiteApps, repoSiteCommand, siteAnswers } from './localSite';
export type { LocalSiteOptions, SiteApps, SiteCommand, StartResult } from './localSite';
export { describeLocalSite } from './localSiteState';
export type { LocalSiteAction, LocalSiteState, LocalSiteStatus } from './localSiteState';
export { appUrl, isAppUrl, isExternalLink, isTrustedSender, originOf } from './originPolicy';
export { registerIpcHandlers } from './ipcHandlers';
export type { IpcContractShape, IpcHandler, IpcHandlers, IpcMainLike } from './ipcHandlers';
export { localSiteOptions, parseShellArgs, shellArgv } from './shellArgs';
export { launchClient, shownPath } from './launcher';
export type { ClientLaunch } from './launcher';
export { launcherUsage, parseLauncherArgs } from './launcherArgs';
export type { LauncherArgs } from './launcherArgs';
export type { ShellArgs } from './shellArgs';
export { safeFileName, saveDownload } from './downloads';
export { PROMPT_ACTION, parseSiteAddress, promptAnswer, siteAddressPage } from './siteAddress';
export { STATUS_COLORS, trayIconBitmap } from './trayIcon';
export { trayMenuTemplate, trayTooltip } from './trayMenu';
export type { TrayActions } from './trayMenu';
