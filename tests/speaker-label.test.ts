import { describe, expect, test } from 'vitest';
import { speakerLabel } from '../src/cards/speaker-label.js';
import { altText } from '../src/cards/alt-text.js';
import type { Quote } from '../src/types.js';

describe('how a speaker is written on a card', () => {
  const table = [
    { name: 'a person: the fullest name', speaker: { name: 'Zalmay Khalilzad', mention: 'he', kind: 'person' as const }, label: 'Zalmay Khalilzad' },
    { name: 'an organisation as the article gives it, capitalised', speaker: { name: 'Pentagon', mention: 'the Pentagon', kind: 'organization' as const }, label: 'The Pentagon' },
    { name: 'an unnamed source as written', speaker: { name: 'a spokeswoman for Disney', mention: 'a spokeswoman for Disney', kind: 'description' as const }, label: 'A spokeswoman for Disney' },
    { name: 'an organisation named without an article', speaker: { name: 'Richmond police', mention: 'Richmond police', kind: 'organization' as const }, label: 'Richmond police' },
    { name: 'an unresolved pronoun: nothing', speaker: { mention: 'he', kind: 'person' as const }, label: undefined },
  ];
  for (const t of table) test(t.name, () => expect(speakerLabel(t.speaker)).toBe(t.label));

  test('the alt text credits an organisation as the card does, never a nearby person', () => {
    const quote: Quote = { kind: 'quote', text: 'The numbers speak for themselves.', partial: false, start: 0, end: 10, confidence: 0.8, speaker: { name: 'Pentagon', mention: 'the Pentagon', kind: 'organization' } };
    expect(altText(quote, { locale: 'en' })).toContain('The Pentagon');
  });
});
