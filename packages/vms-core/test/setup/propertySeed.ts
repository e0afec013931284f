import fc from 'fast-check';

/**
 * Property tests draw fresh random input on every developer run, to keep finding new cases
 * (`pnpm fuzz` runs far longer). Under CI the seed is fixed so a run can be reproduced exactly;
 * FC_SEED overrides it either way. A counterexample prints its seed and path.
 */
const fromEnv = process.env.FC_SEED;
const seed = fromEnv !== undefined ? Number(fromEnv) : process.env.CI === 'true' ? 20261121 : undefined;
if (seed !== undefined && Number.isFinite(seed)) fc.configureGlobal({ seed });
