/**
 * Match expressions of generic events: what a packet from an outside system must contain.
 * - search: words and "quoted phrases" joined by AND / OR (AND binds tighter; words side by
 *   side mean AND), each found anywhere in the message: `door AND "north gate" OR alarm`;
 * - exact: the whole message equals the expression;
 * - regex: a JavaScript regular expression, found anywhere unless anchored.
 * Parsing reports a problem instead of throwing, so validation can name the field.
 */

export type ExpressionType = 'search' | 'exact' | 'regex';

export const MATCH_LIMITS = { maxExpressionLength: 1000 } as const;

/** A compiled expression: OR of ANDs of terms for search; a RegExp or a string otherwise. */
export type Matcher = (message: string) => boolean;

type Token = { kind: 'term'; text: string } | { kind: 'and' } | { kind: 'or' };

function tokenize(expression: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const end = expression.indexOf('"', i + 1);
      if (end < 0) return `the quote at position ${i + 1} is not closed`;
      const text = expression.slice(i + 1, end);
      if (text === '') return `empty quotes at position ${i + 1}`;
      tokens.push({ kind: 'term', text });
      i = end + 1;
    } else {
      let end = i;
      while (end < expression.length && !/\s/.test(expression[end]!) && expression[end] !== '"') end++;
      const word = expression.slice(i, end);
      tokens.push(word === 'AND' ? { kind: 'and' } : word === 'OR' ? { kind: 'or' } : { kind: 'term', text: word });
      i = end;
    }
  }
  return tokens;
}

/** Terms grouped as OR of ANDs, or a problem in words. */
export function parseSearch(expression: string): string[][] | string {
  const tokens = tokenize(expression);
  if (typeof tokens === 'string') return tokens;
  if (tokens.length === 0) return 'the expression is empty';
  const groups: string[][] = [[]];
  let expectTerm = true;
  for (const t of tokens) {
    if (t.kind === 'term') {
      groups.at(-1)!.push(t.text);
      expectTerm = false;
      continue;
    }
    const op = t.kind === 'and' ? 'AND' : 'OR';
    if (expectTerm) return `${op} needs a word or "phrase" before it`;
    if (t.kind === 'or') groups.push([]);
    expectTerm = true;
  }
  if (expectTerm) return 'the expression ends with an operator';
  return groups;
}

/** A matcher, or a problem in words. */
export function compileMatcher(type: ExpressionType, expression: string, caseSensitive: boolean): Matcher | string {
  if (expression.length > MATCH_LIMITS.maxExpressionLength) return `at most ${MATCH_LIMITS.maxExpressionLength} characters`;
  const fold = (s: string) => (caseSensitive ? s : s.toLowerCase());
  if (type === 'exact') {
    if (expression === '') return 'the expression is empty';
    const want = fold(expression);
    return (m) => fold(m) === want;
  }
  if (type === 'regex') {
    if (expression === '') return 'the expression is empty';
    try {
      const re = new RegExp(expression, caseSensitive ? 'u' : 'iu');
      return (m) => re.test(m);
    } catch (e) {
      return `not a regular expression: ${(e as Error).message}`;
    }
  }
  const groups = parseSearch(expression);
  if (typeof groups === 'string') return groups;
  const folded = groups.map((g) => g.map(fold));
  return (m) => {
    const text = fold(m);
    return folded.some((all) => all.every((term) => text.includes(term)));
  };
}
