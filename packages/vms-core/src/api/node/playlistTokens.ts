/**
 * HLS players request segments, parts and the init map by the playlist's relative URIs,
 * without the playlist's own query string: each URI gets the media token appended.
 */
export function withMediaToken(playlist: string, token: string): string {
  const q = `token=${encodeURIComponent(token)}`;
  const add = (uri: string) => `${uri}${uri.includes('?') ? '&' : '?'}${q}`;
  return playlist
    .split('\n')
    .map((line) => (line && !line.startsWith('#') ? add(line) : line.replace(/URI="([^"]+)"/g, (_, uri: string) => `URI="${add(uri)}"`)))
    .join('\n');
}
