/** `pnpm build:server`: the site server as one bundle, packages/vms-core/dist/vms.mjs (see src/serverBundle.ts). */
import { fileURLToPath } from 'node:url';
import { runServerBuildCommand } from '../src/build/serverBuilder';

await runServerBuildCommand(fileURLToPath(new URL('../../..', import.meta.url)));
