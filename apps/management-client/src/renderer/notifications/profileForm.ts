/**
 * The notification profile editor's draft and its mapping to the site's bodies: recipients
 * typed as text (one per line, or separated by commas), subject and text with placeholders,
 * snapshot cameras. Saving sends the whole profile in one request; the site names the field
 * at fault ("recipients[2]"), shown beside the part of the form it is about. Pure.
 */
import type { CreateNotificationProfileBody, NotificationProfileBody, Placeholder } from '@nightjar/vms-core';
import { looksLikeEmail } from './smtpForm';

export interface ProfileDraft {
  name: string;
  description: string;
  recipients: string;
  subject: string;
  body: string;
  attachSnapshots: boolean;
  snapshotCameraIds: string[];
  timeZone: string;
}

/**
 * What each placeholder stands for, keyed by the site's placeholders: one added there fails the
 * typecheck until it is described here. `sample` is what the preview shows.
 */
export const PLACEHOLDERS: Record<Placeholder, { label: string; sample: string }> = {
  event: { label: 'What happened', sample: 'Motion started' },
  source: { label: 'Camera or source', sample: 'Front door' },
  time: { label: 'When', sample: '2026-03-14 21:05:09 Europe/Oslo' },
  message: { label: 'The event\'s message', sample: 'motion on Front door' },
  rule: { label: 'The rule', sample: 'Mail the guards' },
  site: { label: 'The site', sample: 'Headquarters' },
};
export const PLACEHOLDER_LIST = Object.keys(PLACEHOLDERS) as Placeholder[];

export const DEFAULT_SUBJECT = '{event} from {source}';
export const DEFAULT_BODY = '{event} from {source} at {time}.\n{message}\n\nSent by rule {rule} of {site}.';

export function newProfileDraft(timeZone: string): ProfileDraft {
  return { name: '', description: '', recipients: '', subject: DEFAULT_SUBJECT, body: DEFAULT_BODY, attachSnapshots: true, snapshotCameraIds: [], timeZone };
}

export function profileToDraft(p: NotificationProfileBody): ProfileDraft {
  return {
    name: p.name, description: p.description, recipients: p.recipients.join('\n'), subject: p.subject, body: p.body,
    attachSnapshots: p.attachSnapshots, snapshotCameraIds: [...p.snapshotCameraIds], timeZone: p.timeZone,
  };
}

/** The addresses in the recipients text: split at line breaks, commas, semicolons and spaces. */
export function parseRecipients(text: string): string[] {
  return text.split(/[\s,;]+/).filter((a) => a !== '');
}

/** The whole profile: used to create it and, as a change, to make the stored one equal the draft. */
export function draftToBody(d: ProfileDraft): Required<CreateNotificationProfileBody> {
  return {
    name: d.name.trim(), description: d.description, recipients: parseRecipients(d.recipients), subject: d.subject.trim(), body: d.body,
    attachSnapshots: d.attachSnapshots, snapshotCameraIds: d.attachSnapshots ? d.snapshotCameraIds : [], timeZone: d.timeZone.trim() || 'UTC',
  };
}

const TOKEN = /\{([A-Za-z]+)\}/g;

/** Placeholders written in a template that the site does not know. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]!).filter((n) => !Object.hasOwn(PLACEHOLDERS, n));
}

/** The template with each placeholder's sample, as the preview under the field shows it. */
export function previewTemplate(text: string): string {
  return text.replace(TOKEN, (whole, name: string) => (Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name as Placeholder].sample : whole));
}

/** Puts `{name}` where the caret is (replacing a selection); returns the text and the caret after it. */
export function insertPlaceholder(text: string, start: number, end: number, name: Placeholder): { text: string; caret: number } {
  const token = `{${name}}`;
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}

/** What the form can tell before asking the site, by field path. */
export function profileDraftProblems(d: ProfileDraft): Map<string, string> {
  const out = new Map<string, string>();
  if (d.name.trim() === '') out.set('name', 'A profile needs a name.');
  const recipients = parseRecipients(d.recipients);
  if (recipients.length === 0) out.set('recipients', 'Add at least one email address.');
  const bad = recipients.findIndex((r) => !looksLikeEmail(r));
  if (bad >= 0) out.set(`recipients[${bad}]`, `"${recipients[bad]}" is not an email address.`);
  if (d.subject.trim() === '') out.set('subject', 'A mail needs a subject.');
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(d[field]);
    if (unknown.length > 0) out.set(field, `Unknown placeholder {${unknown[0]}}: use ${PLACEHOLDER_LIST.map((n) => `{${n}}`).join(', ')}.`);
  }
  return out;
}

/** The profile as one line for the list: how many recipients, and whether snapshots go along. */
export function profileSummary(p: Pick<NotificationProfileBody, 'recipients' | 'attachSnapshots' | 'snapshotCameraIds'>): string {
  const to = p.recipients.length === 1 ? p.recipients[0]! : `${p.recipients[0]} and ${p.recipients.length - 1} more`;
  if (!p.attachSnapshots) return to;
  const cameras = p.snapshotCameraIds.length;
  return `${to}; snapshot of the event's camera${cameras ? ` and ${cameras} more` : ''}`;
}
