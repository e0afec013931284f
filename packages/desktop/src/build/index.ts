/** @nightjar/desktop/build: the esbuild app builder the apps' scripts use (Node only, never bundled). */
export { DesktopAppBuilder, indexHtml } from './appBuilder';
export type { BuildReport, DesktopAppSpec } from './appBuilder';
export { ensureBuilt, runBuildCommand } from './buildCommands';
export { buildServer, ensureServerBuilt, runServerBuildCommand } from './serverBuilder';
