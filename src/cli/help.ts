/** The text of `quotecard --help`. */
export const HELP = `Usage: quotecard <files | folders | globs | -> --out DIR [options]

Turn news articles (HTML or plain text) into share cards: the best direct quotations with their
speakers and embedded social posts, as PNG/SVG files plus manifest.json and an index.html gallery.

Inputs:
  file.html, file.txt    one article per file (.html/.htm/.xhtml read as HTML, anything else as text)
  folder/                every .html, .htm, .xhtml, .txt and .md file inside, recursively
  'articles/**/*.html'   a glob (quote it so the shell leaves it alone)
  -                      one article from standard input

Options:
  -o, --out DIR           output folder (required); nothing is written outside it
  -s, --size LIST         og, square, portrait, story or WIDTHxHEIGHT, comma-separated (default: og)
  -t, --theme LIST        light, dark, comma-separated (default: light)
  -f, --format LIST       png, svg, comma-separated (default: png)
  -m, --max N             most cards-worth items per article, best first (default: 5)
      --min-confidence X  leave out quotes whose speaker is less sure than X, 0 to 1 (default: chosen on
                          labelled news, see docs/quality.md); the summary counts those left out
  -c, --concurrency N     worker processes (default: one per core)
      --timeout MS        time limit per card in milliseconds (default: 60000)
      --site NAME         site name for the source line when an article gives none
      --locale TAG        language for dates and --quote-marks auto, e.g. fr (default: each article's own)
      --quote-marks STYLE the quote card's opening mark: curly “, guillemets «, low „, corner 「, none, or
                          auto: the article's language's (default: curly)
      --compression MODE  fast or small: small PNGs are ~27% smaller, ~0.1–0.4 s more per card (default: fast)
      --base-url URL      URL the output folder is served from, used in the og:image snippets
      --force             draw every card again, even when nothing changed
      --json              print a JSON summary on stdout (no progress)
  -q, --quiet             print nothing but errors
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 when every card was made, 1 when some failed (they are listed), 2 on bad usage.
Cards whose article, options, fonts and quotecard version are unchanged since the last run in the
same --out folder are kept, not drawn again.

Example:
  quotecard articles/ --out public/cards --size og,square --theme light,dark

Past one machine: a queue on Redis (BullMQ), one job per card (docs/scale.md)
  quotecard enqueue <inputs> --queue URL [--wait [--out DIR]] [card options]
      add every article's cards to the queue; a card already there (same content hash) is not added again.
      Card options as above: --size --theme --format --max --min-confidence --site --locale --quote-marks
      --compression. --attempts N tries per card (default 3), --backoff MS before the first retry, doubling
      (default 1000). --wait follows the cards with a progress bar, exits 1 listing any that failed, and
      with --out writes manifest.json and index.html there (--base-url as above). --templates MODULE: the
      workers' templates module, whose fonts export the cards are drawn with; --template NAME: draw them
      with that export of it instead of the built-in templates
  quotecard worker --queue URL --out DIR [--concurrency N] [--timeout MS] [--stalled-after MS]
                   [--templates MODULE]
      draw cards from the queue into DIR (a folder every worker shares), N at a time, each in a process of
      its own (default: one per core). A worker that stops answering has its cards taken up by another
      after --stalled-after (default 30000). --templates MODULE: an ES module whose exported functions are
      templates and whose fonts export is loaded once (every worker of a queue needs the same one).
      SIGTERM or Ctrl-C: finish the cards in hand, then stop
  quotecard status --queue URL [--json]
      waiting, active, retrying, done and failed cards, and cards/s over the last minute
  quotecard collect --queue URL --out DIR [--base-url URL] [--json]
      write manifest.json and index.html for every article of the queue; exit 1 if a card failed or is
      not drawn yet
  quotecard clean --queue URL (--done | --failed | --done --failed) [--older-than 7d] [--json]
  quotecard clean --queue URL --obliterate [--force]
      trim what Redis keeps: the jobs of drawn (--done) or failed (--failed) cards that finished before
      --older-than (ms, or 90s, 15m, 2h, 7d; default: all), and the articles left without cards. Enqueued
      again, a cleaned card is not drawn again when its files are in the store; a failed one is tried again.
      --obliterate removes the whole queue (--force: even while workers are drawing from it)
  Every queue command takes --name NAME (default: quotecard), --json and --quiet. URL: redis://host[:port][/db]
  (rediss:// for TLS; user:password@ before the host).
`;
