/**
 * "How to send" for an analytics source: the exact request the outside system makes
 * (sendAnalyticsEvent: POST /api/analytics-events, no bearer token), a JSON body built from
 * the source's own values, and the same as a curl command to try it. Pure.
 */

export const TOKEN_HEADER = 'X-Analytics-Token';
/** Stands in for a token the site no longer knows (it keeps only a hash). */
export const TOKEN_PLACEHOLDER = '<the source\'s token>';
/** The analytics rule name the example uses when no rule names one. */
export const EXAMPLE_RULE_NAME = 'Loitering';

export interface SendExample {
  method: 'POST';
  url: string;
  headers: string[];
  /** The JSON body, indented. */
  json: string;
  curl: string;
}

export interface SendExampleInput {
  /** The site as this client reaches it (the analytics system may need the site's LAN address instead). */
  siteUrl: string;
  /** The source's name, what events carry as "source". */
  sourceName: string;
  hasToken: boolean;
  /** The token just set, shown once; else a placeholder. */
  token?: string | undefined;
  /** A rule name the site's rules listen for on this source, to send one they act on. */
  ruleName?: string | undefined;
  /** The watched camera's name, for the example's location. */
  cameraName?: string | undefined;
}

/** Quotes for a POSIX shell: the text in single quotes, each ' written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function sendExample(o: SendExampleInput): SendExample {
  const url = `${o.siteUrl.replace(/\/+$/, '')}/api/analytics-events`;
  const body = {
    source: o.sourceName || 'My analytics',
    ruleName: o.ruleName || EXAMPLE_RULE_NAME,
    objects: [{ type: 'person', confidence: 0.9, boundingBox: { x: 0.1, y: 0.2, width: 0.3, height: 0.4 } }],
    locations: [{ name: o.cameraName || 'Entrance' }],
  };
  const headers = ['Content-Type: application/json', ...(o.hasToken ? [`${TOKEN_HEADER}: ${o.token ?? TOKEN_PLACEHOLDER}`] : [])];
  const json = JSON.stringify(body, null, 2);
  const curl = ['curl -X POST', shellQuote(url), ...headers.map((h) => `-H ${shellQuote(h)}`), `--data ${shellQuote(JSON.stringify(body))}`].join(' ');
  return { method: 'POST', url, headers, json, curl };
}

/** The rule names the site's rules listen for on a source (first the most used), for the example. */
export function ruleNamesFor(sourceId: string, rules: readonly { trigger?: { type: string; definitionId?: string; ruleName?: string } }[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rules) {
    const t = r.trigger;
    if (t?.type === 'analytics' && t.definitionId === sourceId && t.ruleName) counts.set(t.ruleName, (counts.get(t.ruleName) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
