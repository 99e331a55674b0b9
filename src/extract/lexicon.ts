/**
 * Word lists extraction reads: reporting verbs, titles, pronouns, channels, and the words that mark a
 * capitalised run as something other than a person. Lower-case keys; look-ups are O(1).
 */

/** Reporting verbs, as they stand in news prose ("said", "told", "tweeted"). */
export const CUE_VERBS: ReadonlySet<string> = new Set(
  (
    'said says say saying added adds adding stressed stresses told tells telling wrote writes writing tweeted tweets ' +
    'posted noted notes explained explains asked asks insisted insists warned warns argued argues claimed claims ' +
    'declared declares stated states announced announces replied replies responded responds continued continues ' +
    'recalled recalls acknowledged acknowledges admitted admits conceded concedes emphasised emphasized emphasizes ' +
    'emphasises urged urges suggested suggests remarked remarks observed observes commented comments countered ' +
    'counters maintained maintains vowed vows pledged pledges promised promises lamented laments complained ' +
    'complains quipped quips joked jokes shouted shouts cried whispered whispers concluded concludes reiterated ' +
    'reiterates confirmed confirms predicted predicts described describes called calls boasted boasts mused ' +
    'testified testifies pleaded pleads demanded demands objected protested protests ' +
    'cautioned cautions charged alleged alleges accused accuses went praised praises hailed hails dismissed ' +
    'dismisses branded brands labelled labeled labels derided derides denounced denounces lauded lauds ' +
    'characterised characterized characterises characterizes ' +
    // the plural present, as after a quote with two speakers: "“…,” reply Burton and Nick."
    'reply respond add explain insist warn argue admit concede recall ' +
    // German, French and Spanish, the languages whose quotation marks extraction reads („…“, «…»)
    'sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt fragte fragt antwortete ' +
    'dit déclaré mentionné affirmé ajouté expliqué souligné estimé indiqué précisé répondu assuré ' +
    'déclare affirme ajoute explique souligne estime indique précise répond assure ' +
    'dijo afirmó declaró explicó aseguró añadió señaló indicó comentó agregó manifestó dice afirma asegura explica señala'
  ).split(' '),
);

/** French auxiliaries before a reporting verb: "a mentionné", "ont déclaré". */
export const FRENCH_AUXILIARIES: ReadonlySet<string> = new Set(['a', 'ont', 'avait', 'avaient']);

/** Cue verbs that only count with a following clue (e.g. "went on"); kept apart to avoid false cues. */
export const WEAK_CUES: ReadonlySet<string> = new Set(
  (
    'went called calls described describes states claims praised praises hailed hails dismissed dismisses branded ' +
    'brands labelled labeled labels derided derides denounced denounces lauded lauds characterised characterized ' +
    'characterises characterizes'
  ).split(' '),
);

/** Verbs that report what a document or a sign says, but only after one of DOCUMENT_NOUNS: "the report found", "the email began". */
export const DOCUMENT_CUES: ReadonlySet<string> = new Set('found finds began begins read reads'.split(' '));

/** What may say something without a speaker: "the report found", "“…,” read one sign". */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  (
    'report study survey poll audit review analysis investigation inquiry email e-mail letter memo memorandum note ' +
    'statement filing complaint lawsuit indictment ruling order opinion decision document documents transcript ' +
    'release message text post tweet sign signs banner placard poster headline caption ad advertisement flyer ' +
    'leaflet card plaque petition'
  ).split(' '),
);

/** Personal pronouns that can stand for a speaker. */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we']);

/** Title words stripped from the front of a name ("Major Gen.", "Foreign Minister", "Sen."). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'gen. general major maj. lt. lieutenant col. colonel brig. brigadier capt. captain sgt. sergeant adm. admiral ' +
    'cmdr. commander mr. mrs. ms. miss dr. prof. professor sen. senator rep. representative gov. governor rev. ' +
    'reverend sir dame lord lady president vice prime minister foreign interior defense defence finance home ' +
    'deputy secretary mayor judge justice chief chancellor king queen prince princess pope sheikh mullah imam ' +
    'ayatollah pastor father bishop cardinal ambassador commissioner chairman chairwoman director inspector ' +
    'detective officer sheriff coach speaker leader attorney pm envoy special health education trade economy ' +
    'army police executive ceo premier chair superintendent constable agent pvt. cpl. corporal staff first lady ' +
    'state opposition labour labor conservative democratic republican gop senior junior acting interim former ' +
    'sgt lt gen col maj capt dr mr mrs ms prof sen rep gov rev cllr cllr. councillor alderman alderwoman ' +
    'congressman congresswoman assemblyman assemblywoman'
  ).split(' '),
);

/** Office words: a title made of these is kept as the speaker's role ("Foreign Minister"). */
export const OFFICE_WORDS: ReadonlySet<string> = new Set(
  'minister president secretary governor mayor ambassador chancellor commissioner director chairman chairwoman chair speaker envoy ceo premier senator'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an organisation, place, time or thing rather than a person. */
export const NOT_PERSON_WORDS: ReadonlySet<string> = new Set(
  (
    'ministry department office council committee party army forces force university street house senate congress ' +
    'court bank company inc corp co ltd news times post press agency association group city county state states ' +
    'united nations kingdom republic union airport base airbase station hospital school college institute foundation ' +
    'center centre museum park bridge road avenue square province region district government parliament assembly ' +
    'commission authority service police guard navy club league cup festival awards day week monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april may june july august september october ' +
    'november december twitter facebook instagram google apple microsoft amazon meta tesla reuters ap afp bbc cnn ' +
    'america american europe european africa asia ' +
    'west east north south northern southern eastern western hall tower hotel church mosque temple stadium ' +
    'international national federal world global media network television radio channel magazine journal ' +
    'gazette herald tribune review daily weekly online desk organisation organization council federation bureau ' +
    'agreement act bill law treaty plan program programme project summit conference talks war christmas easter ' +
    'ramadan eid olympics games series season championship foods markets stores holdings industries motors ' +
    'airlines airways energy systems technologies labs partners capital ventures pharmaceuticals brands ' +
    'entertainment communications solutions insurance logistics research sciences studies society trust fund ' +
    'alliance coalition academy institution laboratory laboratories town rovers athletic wanderers albion fc ' +
    'springs falls heights hills county township borough village software robotics semiconductor semiconductors ' +
    'therapeutics biotech pharma analytics electronics aerospace dynamics bancorp sea ocean river lake bay gulf ' +
    'island islands mountain mountains valley desert canyon coast peninsula strait'
  ).split(' '),
);

/** Capitalised words that start sentences and never begin a name. */
export const SENTENCE_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an in on at but and or if when while after before earlier later however meanwhile it this that these ' +
    'those he she they we i his her their our its as for from with by to of since although though still yet so ' +
    'then now last next read more also there here what who why how where which some many most all both each ' +
    'one two three asked speaking according during despite under over about against among between into through ' +
    'until unlike like without within instead even only just not no yes my your you me us him them mine ' +
    'nevertheless moreover furthermore indeed separately similarly thus hence therefore overall already ' +
    'once twice another other such do does did is are was were be been being has have had will would can could ' +
    'should may might must shall let please thank thanks dear oh ok okay hello hi'
  ).split(' '),
);

/** Name particles that may stand lower-case inside a name ("Ursula von der Leyen"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de da di del della van von der den ter bin ibn al el la le du dos das y'.split(' '),
);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'gen lt col maj capt sgt mr mrs ms dr prof sen rep gov rev st jr sr adm cmdr brig pres no vs etc inc corp co ' +
    'ltd jan feb mar apr aug sep sept oct nov dec mt ft pvt cpl gens reps sens govs messrs approx dept est fig'
  ).split(' '),
);

/** Nouns after "in a …" / "on …" that name the channel a quote came through. */
export const CHANNEL_NOUNS: ReadonlySet<string> = new Set(
  (
    'tweet tweets statement statements interview interviews post posts email emails letter letters speech speeches ' +
    'video videos message messages podcast broadcast address release memo thread blog essay op-ed column ' +
    'briefing conference announcement note filing testimony documentary text texts livestream'
  ).split(' '),
);

/** Networks and media named after "on" ("on Twitter"). */
export const CHANNEL_PLACES: ReadonlySet<string> = new Set(
  'twitter x facebook instagram bluesky threads mastodon tiktok youtube linkedin telegram reddit television radio truth social'.split(
    ' ',
  ),
);

/** Words before a quoted title that mark it as the title of a work, not a quotation. */
export const WORK_WORDS: ReadonlySet<string> = new Set(
  (
    'book novel film movie song single album show series documentary episode play musical poem painting ' +
    'exhibition headline article column essay report titled entitled dubbed nicknamed named called campaign ' +
    'slogan hashtag podcast programme program memoir opera track record cookbook biography autobiography ' +
    'sitcom drama thriller anthem ballad bestseller sequel prequel reboot remake franchise video mixtape title ' +
    'subtitled headlined'
  ).split(' '),
);

/** Nouns that make "the X said" an organisation rather than a person. */
export const ORG_NOUNS: ReadonlySet<string> = new Set(
  (
    'company government ministry department statement report agency group police army team club firm court ' +
    'council party university administration campaign embassy office military spokesperson’s newspaper ' +
    'organisation organization commission committee board union website white utility carrier airline bank ' +
    'retailer insurer manufacturer startup automaker network broadcaster publisher studio label school hospital ' +
    'city county state ministry charity league federation regulator'
  ).split(' '),
);

/** Nouns that head a role ("army spokesperson", "Taliban’s Qatar office spokesman"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  (
    'spokesman spokeswoman spokesperson minister secretary president chief envoy ambassador official officials ' +
    'director leader head chairman chairwoman chair founder executive analyst professor expert adviser advisor aide ' +
    'lawyer attorney senator governor mayor commander general officer manager coach player captain author researcher ' +
    'economist strategist lawmaker legislator representative member candidate activist organizer organiser resident ' +
    'owner worker nurse doctor scientist correspondent reporter editor journalist producer actor actress singer ' +
    'comedian host clown negotiator diplomat commissioner prosecutor judge inspector superintendent councillor ' +
    'councilman councilwoman deputy vice-president premier chancellor father mother son daughter wife husband ' +
    'teacher student farmer driver witness survivor victim founder co-founder partner principal dean rector ' +
    'pastor priest imam rabbi bishop cleric campaigner volunteer fan writer poet novelist artist musician ' +
    'footballer striker midfielder goalkeeper manager boss ceo cfo cto economist specialist engineer pilot ' +
    'soldier colonel lieutenant sergeant major general admiral nominee incumbent challenger mp mep speaker ' +
    'showrunner filmmaker designer photographer chef entrepreneur investor historian architect pundit ' +
    'commentator broadcaster presenter spokesperson economist planner consultant pensioner retiree widow ' +
    'widower grandmother grandfather shopkeeper homeowner landlord tenant nurse paramedic firefighter ' +
    'teenager mum mom dad parent neighbour neighbor bystander commuter shopper'
  ).split(' '),
);

/** Words that open a clause, never a role ("who", "adding", "in"). */
export const CLAUSE_STARTS: ReadonlySet<string> = new Set(
  'who whom whose which that adding saying noting in on at during when as after before while with without because although though if where told speaking'.split(
    ' ',
  ),
);

/** Words that open place names, never a person's name: "New Zealand", "San Jose", "Los Angeles", "Fort Worth". */
export const PLACE_OPENERS: ReadonlySet<string> = new Set('new san santa são los las fort port mount cape'.split(' '));

/** Titles that may stand before a surname alone ("Mr. Smith", "Gen. Bajwa"): a single word after one is a person. */
export const HONORIFICS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof gen general sen senator rep gov governor president minister mullah sheikh imam sir ' +
    'dame lord lady pope king queen prince princess judge justice mayor col colonel capt captain sgt sergeant lt ' +
    'lieutenant adm admiral rev reverend father bishop cardinal chancellor ambassador pm premier secretary coach'
  ).split(' '),
);
