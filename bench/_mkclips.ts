import { makeTestClip } from '../packages/vms-core/test/harness/testCamera';
const t = Date.now();
console.log(await makeTestClip({ seconds: 600, width: 640, height: 360, bitrateKbps: 500 }), (Date.now() - t) / 1000);
console.log(await makeTestClip({ seconds: 600, width: 1280, height: 720, bitrateKbps: 2000 }), (Date.now() - t) / 1000);
