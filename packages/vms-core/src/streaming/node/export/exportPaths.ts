import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { VmsError } from '../../../base/common/errors';

/**
 * Resolves a relative path inside `root` for a download, refusing anything that could reach
 * outside it: absolute paths, `..` segments, backslashes, NUL, percent-encoding (the route
 * decodes once; a `%2F` that survives is an attack), and symbolic links anywhere on the way
 * (the real path must still be inside the real root, and the file itself must be regular).
 * All refusals are "not found", so a probe learns nothing about the file system.
 */
export async function resolveInside(root: string, relativePath: string): Promise<string> {
  const notFound = () => new VmsError('VMS_ERR_NOT_FOUND', 'no such export file');
  if (relativePath.length === 0 || relativePath.length > 255 || /[\\\0%]/.test(relativePath) || isAbsolute(relativePath)) throw notFound();
  const segments = relativePath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw notFound();
  const candidate = normalize(join(root, relativePath));
  try {
    const realRoot = await realpath(root);
    const real = await realpath(candidate);
    const info = await lstat(candidate);
    if (!real.startsWith(realRoot + sep) || info.isSymbolicLink() || !info.isFile()) throw notFound();
    return real;
  } catch (e) {
    if (e instanceof VmsError) throw e;
    throw notFound();
  }
}
