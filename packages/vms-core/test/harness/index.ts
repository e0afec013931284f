// What other packages' tests (e2e, benchmarks) take from vms-core's test harness.
export { makeTestClip, startTestCamera } from './testCamera';
export type { TestCamera, TestCameraOptions, TestClipOptions } from './testCamera';
export { until } from './until';
export { TIMECODE_BITS, TIMECODE_SAMPLE_Y, decodeTimecode, timecodeSampleXs } from './timecode';
export { startOnvifSimulator } from './onvif/onvifSimulator';
export type { OnvifSimulator, OnvifSimulatorOptions } from './onvif/onvifSimulator';
