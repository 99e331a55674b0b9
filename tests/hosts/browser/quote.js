/** The quote the page draws (tests/browser.test.ts draws it in Node too). */
export const quote = {
  kind: 'quote',
  text: 'We will reopen the bridge before the winter storms arrive, and we will keep it open 🌉',
  speaker: { name: 'Ada Lovelace', role: 'Mayor' },
};
