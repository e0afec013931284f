import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    setupFiles: ['packages/vms-core/test/setup/propertySeed.ts'],
    // Recycled frame memory is overwritten when recycled, so a frame kept without a hold shows
    // (media/common/framePool.ts); sites the tests spawn inherit it.
    env: { NIGHTJAR_POISON_FRAMES: '1' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: real cameras and ffmpeg make parallel files contend; keep it modest.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
