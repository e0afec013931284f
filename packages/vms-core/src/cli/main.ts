import { parseArgs } from 'node:util';
import { errorMessage } from '../base/common/errors';
import { runCheck } from './checkCommand';
import { DEFAULT_LOOP_PACING_MS, runSite } from './siteCommand';
import { runVerifyCommand } from './verifyCommand';
import { DEFAULT_SITE_PORT } from '../site/common/defaults';

const usage = `usage: vms <command> [options]

  site   --data DIR [--port N] [--host H] [--admin-password P] [--no-demo-camera] [--client-dir DIR] [--admin-dir DIR]
         [--loop-pacing-ms MS]
         run an all-in-one site; prints the URL it serves when ready; serves the built
         Smart Client from --client-dir at / (apps/smart-client/dist/renderer) and the built
         Management Client from --admin-dir at /admin/ (apps/management-client/dist/renderer);
         --loop-pacing-ms: gather camera reads into one event-loop wake-up per MS under load
         (default ${DEFAULT_LOOP_PACING_MS}; 0 turns it off)
  check  --data DIR [--quick]
         verify the media database invariants; exits 1 with a report when one is broken
  verify --data DIR [--camera ID] [--from ISO] [--to ISO]
         prove recordings untouched (signature chain and content), or name what was altered
  verify FILE [--password P]
         prove a native export untouched (GOOD), or name the file, recording and frames altered`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'admin-password': { type: 'string' },
      'no-demo-camera': { type: 'boolean' },
      'client-dir': { type: 'string' },
      'admin-dir': { type: 'string' },
      'loop-pacing-ms': { type: 'string' },
      camera: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      quick: { type: 'boolean' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (command === 'verify' && positionals.length > 0) {
    if (positionals.length > 1 || values.data) {
      console.error(`vms verify: give one export FILE, or --data DIR\n\n${usage}`);
      return 2;
    }
    return runVerifyCommand({ file: positionals[0], password: values.password ?? process.env.VMS_EXPORT_PASSWORD });
  }
  if (positionals.length > 0) {
    console.error(`vms ${command}: unexpected argument "${positionals[0]}"\n\n${usage}`);
    return 2;
  }
  if (!values.data) {
    console.error(`vms ${command}: --data DIR is required\n\n${usage}`);
    return 2;
  }
  switch (command) {
    case 'site':
      return runSite({
        dataDir: values.data,
        port: values.port === undefined ? DEFAULT_SITE_PORT : Number(values.port),
        host: values.host ?? '127.0.0.1',
        adminPassword: values['admin-password'] ?? process.env.VMS_ADMIN_PASSWORD,
        demoCamera: !values['no-demo-camera'],
        ...(values['client-dir'] ? { clientDir: values['client-dir'] } : {}),
        ...(values['admin-dir'] ? { adminDir: values['admin-dir'] } : {}),
        loopPacingMs: values['loop-pacing-ms'] === undefined ? DEFAULT_LOOP_PACING_MS : Number(values['loop-pacing-ms']),
      });
    case 'check':
      return runCheck(values.data);
    case 'verify':
      return runVerifyCommand({ dataDir: values.data, cameraId: values.camera, from: values.from, to: values.to });
    default:
      console.error(`vms: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (e: unknown) => {
    console.error(`vms: ${errorMessage(e)}`);
    process.exit(1);
  },
);
