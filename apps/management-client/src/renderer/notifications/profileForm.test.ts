import { describe, expect, it } from 'vitest';
import type { NotificationProfileBody } from '@nightjar/vms-core';
import {
  draftToBody, insertPlaceholder, newProfileDraft, parseRecipients, previewTemplate, profileDraftProblems, profileSummary, profileToDraft, unknownPlaceholders,
} from './profileForm';

const stored: NotificationProfileBody = {
  id: 'p1', name: 'Guards', description: 'Night shift', recipients: ['a@example.com', 'b@example.com'], subject: '{event} at {source}', body: 'At {time}',
  attachSnapshots: true, snapshotCameraIds: ['cam-1'], timeZone: 'Europe/Oslo', usedBy: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('notification profile form', () => {
  it('round-trips a stored profile and sends the whole profile', () => {
    const d = profileToDraft(stored);
    expect(d.recipients).toBe('a@example.com\nb@example.com');
    expect(draftToBody(d)).toEqual({
      name: 'Guards', description: 'Night shift', recipients: ['a@example.com', 'b@example.com'], subject: '{event} at {source}', body: 'At {time}',
      attachSnapshots: true, snapshotCameraIds: ['cam-1'], timeZone: 'Europe/Oslo',
    });
    // Without snapshots, no cameras go along (the picker keeps them in the draft for turning it back on).
    expect(draftToBody({ ...d, attachSnapshots: false }).snapshotCameraIds).toEqual([]);
    expect(draftToBody({ ...d, timeZone: ' ' }).timeZone).toBe('UTC');
  });

  it('reads recipients however they are separated', () => {
    expect(parseRecipients(' a@example.com, b@example.com;c@example.com\n\nd@example.com ')).toEqual(['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']);
    expect(parseRecipients('  \n ')).toEqual([]);
  });

  it('names the fields it can check before asking the site', () => {
    const d = newProfileDraft('UTC');
    expect(profileDraftProblems(d)).toEqual(new Map([['name', 'A profile needs a name.'], ['recipients', 'Add at least one email address.']]));
    const named = { ...d, name: 'Ops', recipients: 'ok@example.com, oops' };
    expect(profileDraftProblems(named).get('recipients[1]')).toBe('"oops" is not an email address.');
    expect(profileDraftProblems({ ...named, recipients: 'ok@example.com', subject: 'Alarm {evnt}' }).get('subject')).toMatch(/Unknown placeholder \{evnt\}: use \{event\}/);
    expect(profileDraftProblems({ ...named, recipients: 'ok@example.com', body: '{when}' }).get('body')).toMatch(/\{when\}/);
    expect(profileDraftProblems({ ...named, recipients: 'ok@example.com' })).toEqual(new Map());
  });

  it('previews and inserts placeholders', () => {
    expect(previewTemplate('{event} from {source} {json}')).toBe('Motion started from Front door {json}');
    expect(unknownPlaceholders('{event} {json}')).toEqual(['json']);
    expect(insertPlaceholder('Alarm: ', 7, 7, 'event')).toEqual({ text: 'Alarm: {event}', caret: 14 });
    expect(insertPlaceholder('Alarm: X!', 7, 8, 'source')).toEqual({ text: 'Alarm: {source}!', caret: 15 });
  });

  it('sums a profile up for the list', () => {
    expect(profileSummary(stored)).toBe("a@example.com and 1 more; snapshot of the event's camera and 1 more");
    expect(profileSummary({ ...stored, recipients: ['a@example.com'], attachSnapshots: false })).toBe('a@example.com');
  });
});
