/**
 * Small tables from which tests/unit/crisis-matrix.test.ts generates crisis queries:
 * persons/pronouns × tenses/moods × inflections/derivations × word orders, per language and
 * crisis need. Written from the languages, not from data/crisis-needs.json: a form the data does
 * not reach must show up as a failing query. A case is [need, language, query].
 */
type Need = 'suicide' | 'self-harm' | 'violence' | 'sexual-violence' | 'acute-crisis';
export type Language = 'fi' | 'sv' | 'en';
export interface MatrixCase {
  need: Need;
  language: Language;
  query: string;
}

/** Chunks in natural order, reversed, and the core first: nurses type fragments in any order. */
function orders(chunks: string[]): string[] {
  const [first, ...rest] = chunks.filter((chunk) => chunk.length > 0);
  const natural = chunks.filter((chunk) => chunk.length > 0).join(' ');
  if (!first || rest.length === 0) return [natural];
  const reversed = [...chunks].filter((chunk) => chunk.length > 0).reverse().join(' ');
  const coreFirst = [rest[rest.length - 1]!, first, ...rest.slice(0, -1)].join(' ');
  return [...new Set([natural, reversed, coreFirst])];
}

// ---- Finnish -------------------------------------------------------------------------------

interface FinnishPerson {
  subject: string;
  /** Modal verbs in present, past, conditional, perfect (+ A-infinitive). */
  modal: string[];
  /** "Talks about …" (+ elative) and "thinks of …" (+ partitive) in a few tenses. */
  talks: string[];
  thinks: string[];
  /** Reflexive in the genitive/accusative and partitive, possessive suffix. */
  reflexive: string;
  reflexivePartitive: string;
  suffix: string;
}
const finnishPersons: FinnishPerson[] = [
  { subject: '', modal: ['haluan', 'halusin', 'haluaisin', 'olen yrittänyt', 'aion'], talks: ['puhun'], thinks: ['ajattelen', 'olen miettinyt'], reflexive: 'itseni', reflexivePartitive: 'itseäni', suffix: 'ni' },
  { subject: 'hän', modal: ['haluaa', 'halusi', 'haluaisi', 'on yrittänyt', 'uhkaa'], talks: ['puhuu', 'puhui'], thinks: ['ajattelee', 'on miettinyt'], reflexive: 'itsensä', reflexivePartitive: 'itseään', suffix: 'nsä' },
  { subject: 'sinä', modal: ['haluat', 'halusit', 'yritit'], talks: ['puhut'], thinks: ['mietit'], reflexive: 'itsesi', reflexivePartitive: 'itseäsi', suffix: 'si' },
  { subject: 'potilas', modal: ['haluaa', 'yritti', 'aikoo', 'suunnittelee'], talks: ['on puhunut'], thinks: ['miettii'], reflexive: 'itsensä', reflexivePartitive: 'itseään', suffix: 'nsä' },
  { subject: 'nuoret', modal: ['haluavat', 'ovat yrittäneet'], talks: ['puhuvat'], thinks: ['ajattelevat'], reflexive: 'itsensä', reflexivePartitive: 'itseään', suffix: 'nsä' },
];
/** A-infinitive cores (after a modal) and nouns in nominative, partitive, elative, genitive, illative. */
const finnishCores: Record<'suicide' | 'self-harm', { verbs: Array<(p: FinnishPerson) => string>; nouns: Array<(p: FinnishPerson) => string[]> }> = {
  suicide: {
    verbs: [
      (p) => `tappaa ${p.reflexive}`,
      (p) => `lopettaa elämä${p.suffix}`,
      (p) => `päättää päivä${p.suffix}`,
      (p) => `riistää henke${p.suffix}`,
    ],
    nouns: [
      (p) => [`${p.reflexive} tappaminen`, `${p.reflexive} tappamista`, `${p.reflexive} tappamisesta`, `${p.reflexive} tappamisen`, `${p.reflexive} tappamiseen`],
      () => ['itsensätappo', 'itsensätappoa', 'itsensätaposta', 'itsetappo', 'itsetaposta'],
      () => ['itsemurha', 'itsemurhaa', 'itsemurhasta', 'itsemurhan', 'itsemurhaan', 'itsemurhayritys', 'itsemurha-ajatuksia'],
      (p) => [`elämä${p.suffix} lopettaminen`, `elämä${p.suffix} lopettamista`, `elämä${p.suffix} lopettamisesta`],
      () => ['itsetuhoinen', 'itsetuhoisia ajatuksia', 'itsetuhoisuus', 'itsetuhoisuudesta'],
    ],
  },
  'self-harm': {
    verbs: [(p) => `vahingoittaa ${p.reflexivePartitive}`, (p) => `satuttaa ${p.reflexivePartitive}`, (p) => `viiltää ${p.reflexivePartitive}`, () => 'viillellä'],
    nouns: [
      (p) => [`${p.reflexive} vahingoittaminen`, `${p.reflexive} vahingoittamista`, `${p.reflexive} vahingoittamisesta`, `${p.reflexive} satuttaminen`],
      () => ['viiltely', 'viiltelyä', 'viiltelystä', 'viiltelee', 'viilteli', 'on viillellyt'],
    ],
  },
};

function finnishSelfDirected(need: 'suicide' | 'self-harm'): MatrixCase[] {
  const cases: MatrixCase[] = [];
  const { verbs, nouns } = finnishCores[need];
  for (const person of finnishPersons) {
    for (const core of verbs) {
      for (const modal of person.modal) for (const query of orders([person.subject, modal, core(person)])) cases.push({ need, language: 'fi', query });
    }
    // "Wants to die": only with "want" (an illness may "threaten to kill" a patient).
    if (need === 'suicide') {
      for (const modal of person.modal.filter((verb) => verb.startsWith('halu'))) for (const query of orders([person.subject, modal, 'kuolla'])) cases.push({ need, language: 'fi', query });
    }
    for (const noun of nouns) {
      const [nominative, partitive, elative, ...others] = noun(person);
      for (const form of [nominative!, ...others]) cases.push({ need, language: 'fi', query: form });
      if (partitive) for (const thinks of person.thinks) for (const query of orders([person.subject, thinks, partitive])) cases.push({ need, language: 'fi', query });
      if (elative) for (const talks of person.talks) for (const query of orders([person.subject, talks, elative])) cases.push({ need, language: 'fi', query });
    }
  }
  return cases;
}

const finnishAgents = ['mies', 'puoliso', 'isä', 'poikaystävä', 'entinen kumppani'];
const finnishViolenceVerbs = ['lyö', 'löi', 'on lyönyt', 'hakkaa', 'hakkasi', 'on hakannut', 'potkii', 'kuristi', 'pahoinpitelee', 'pahoinpiteli', 'uhkaa tappaa', 'uhkasi tappaa', 'uhkailee', 'on uhkaillut', 'uhkaa lyödä'];
const finnishObjects = ['minua', 'häntä', 'äitiä', 'lapsia'];
const finnishViolenceNouns = ['väkivalta kotona', 'väkivaltaa kotona', 'väkivallan uhka kotona', 'väkivallalla uhkailu', 'perheväkivallasta', 'lähisuhdeväkivallan uhri', 'kotiväkivalta', 'parisuhdeväkivaltaa', 'pelkää puolisoaan', 'uhattu väkivallalla', 'pahoinpidelty kotona', 'pahoinpitelyn uhri'];
const finnishSexualVerbs = ['raiskasi', 'on raiskannut', 'yritti raiskata', 'käytti seksuaalisesti hyväksi', 'ahdisteli seksuaalisesti'];
const finnishSexualNouns = ['raiskaus', 'raiskauksen uhri', 'raiskauksesta', 'raiskausta', 'raiskattu', 'tuli raiskatuksi', 'seksuaalinen väkivalta', 'seksuaalista väkivaltaa', 'seksuaalisen väkivallan', 'seksuaalisesti hyväksikäytetty', 'hyväksikäyttö', 'seksuaalinen hyväksikäyttö'];
const finnishRelatives = ['mieheni', 'vaimoni', 'lapseni', 'hänen poikansa', 'asiakkaan tytär', 'äiti'];
const finnishSuddenDeaths = ['kuoli äkillisesti', 'kuoli yllättäen', 'kuoli eilen', 'on kuollut äkillisesti', 'menehtyi onnettomuudessa', 'kuoli onnettomuudessa', 'sai surmansa', 'kuoli äkkiä'];
const finnishLossNouns = ['äkillinen kuolema', 'läheisen äkillinen kuolema', 'äkillisestä kuolemasta', 'äkilliseen kuolemaan', 'lapsen äkillinen kuolema', 'äkillinen menetys'];

// ---- Swedish -------------------------------------------------------------------------------

interface SwedishPerson {
  subject: string;
  reflexive: string;
  possessive: string;
}
const swedishPersons: SwedishPerson[] = [
  { subject: 'jag', reflexive: 'mig', possessive: 'mitt' },
  { subject: 'han', reflexive: 'sig', possessive: 'sitt' },
  { subject: 'hon', reflexive: 'sig', possessive: 'sitt' },
  { subject: 'du', reflexive: 'dig', possessive: 'ditt' },
  { subject: 'patienten', reflexive: 'sig', possessive: 'sitt' },
];
/** Modals in present, past, perfect and thought: "vill", "har tänkt på att" … (+ infinitive). */
const swedishModals = ['vill', 'ville', 'har velat', 'har tänkt på att', 'funderar på att', 'har funderat på att', 'försökte', 'hotar att'];
/** "Wants to die" only with wanting and thinking of it. */
const swedishDyingModals = ['vill', 'ville', 'har velat', 'har tänkt på att', 'har funderat på att'];
const swedishCores: Record<'suicide' | 'self-harm', Array<(p: SwedishPerson) => string>> = {
  suicide: [(p) => `ta ${p.possessive} liv`, (p) => `ta livet av ${p.reflexive}`, (p) => `döda ${p.reflexive}`, () => 'begå självmord', (p) => `avsluta ${p.possessive} liv`],
  'self-harm': [(p) => `skada ${p.reflexive}`, (p) => `skära ${p.reflexive}`],
};
const swedishNouns: Record<'suicide' | 'self-harm', string[]> = {
  suicide: ['självmord', 'självmordet', 'självmordstankar', 'självmordsförsök', 'har självmordstankar', 'pratar om självmord', 'tänker på självmord'],
  'self-harm': ['självskada', 'självskadebeteende', 'skadar sig själv', 'skär sig', 'skär sig i armarna', 'har skadat sig själv'],
};
const swedishAgents = ['mannen', 'maken', 'pappa', 'pojkvännen', 'partnern'];
const swedishViolenceVerbs = ['slår', 'slog', 'har slagit', 'misshandlar', 'misshandlade', 'har misshandlat', 'hotar', 'hotade', 'har hotat', 'sparkar', 'hotar att döda', 'hotar att slå'];
const swedishObjects = ['mig', 'henne', 'honom', 'barnen'];
const swedishViolenceNouns = ['våld i hemmet', 'våld i nära relationer', 'hot om våld hemma', 'misshandel', 'misshandlad av sin man', 'utsatt för våld', 'familjevåld', 'våldet hemma'];
const swedishSexual = ['våldtäkt', 'våldtäkten', 'blev våldtagen', 'har blivit våldtagen', 'han våldtog henne', 'våldtogs', 'sexuellt våld', 'sexuella övergrepp', 'utsatt för sexuellt övergrepp', 'sexuellt utnyttjad'];
const swedishRelatives = ['min man', 'min fru', 'hennes son', 'hans pappa', 'mitt barn'];
const swedishSuddenDeaths = ['dog plötsligt', 'dog oväntat', 'dog igår', 'har dött plötsligt', 'avled plötsligt', 'omkom i en olycka', 'dog i en olycka'];
const swedishLossNouns = ['plötsligt dödsfall', 'plötslig död', 'ett plötsligt dödsfall i familjen', 'sonens plötsliga död'];

// ---- English -------------------------------------------------------------------------------

interface EnglishPerson {
  subject: string;
  /** Third person singular takes -s ("wants"). */
  third: boolean;
  reflexive: string;
  possessive: string;
}
const englishPersons: EnglishPerson[] = [
  { subject: 'I', third: false, reflexive: 'myself', possessive: 'my' },
  { subject: 'he', third: true, reflexive: 'himself', possessive: 'his' },
  { subject: 'she', third: true, reflexive: 'herself', possessive: 'her' },
  { subject: 'they', third: false, reflexive: 'themselves', possessive: 'their' },
  { subject: 'my son', third: true, reflexive: 'himself', possessive: 'his' },
];
/** Tenses and moods: [auxiliary + infinitive] and [auxiliary + -ing form]. */
const englishModals = (p: EnglishPerson) => ({
  infinitive: [p.third ? 'wants to' : 'want to', 'wanted to', 'would like to', p.third ? 'has tried to' : 'have tried to', p.third ? 'threatens to' : 'threaten to'],
  gerund: [p.third ? 'has thought about' : 'have thought about', 'was thinking about', 'thinking of'],
});
const englishCores: Record<'suicide' | 'self-harm', Array<[(p: EnglishPerson) => string, (p: EnglishPerson) => string]>> = {
  suicide: [
    [(p) => `kill ${p.reflexive}`, (p) => `killing ${p.reflexive}`],
    [(p) => `end ${p.possessive} life`, (p) => `ending ${p.possessive} life`],
    [(p) => `end ${p.possessive} own life`, (p) => `ending ${p.possessive} own life`],
    [(p) => `take ${p.possessive} own life`, (p) => `taking ${p.possessive} own life`],
    [(p) => `take ${p.possessive} life`, (p) => `taking ${p.possessive} life`],
    [() => 'end it all', () => 'ending it all'],
    [() => 'commit suicide', () => 'committing suicide'],
  ],
  'self-harm': [
    [(p) => `hurt ${p.reflexive}`, (p) => `hurting ${p.reflexive}`],
    [(p) => `cut ${p.reflexive}`, (p) => `cutting ${p.reflexive}`],
    [(p) => `harm ${p.reflexive}`, (p) => `harming ${p.reflexive}`],
  ],
};
const englishNouns: Record<'suicide' | 'self-harm', string[]> = {
  suicide: ['suicide', 'suicidal', 'suicidal thoughts', 'suicide attempt', 'attempted suicide', 'tried to kill himself', 'killed herself', 'has killed himself', 'no reason to live', 'does not want to live', 'wishes she were dead'],
  'self-harm': ['self-harm', 'self harm', 'self-harming', 'selfharm', 'self-injury', 'cuts herself', 'hurts himself', 'has been cutting herself'],
};
const englishAgents = ['husband', 'partner', 'boyfriend', 'father', 'ex-partner'];
const englishViolenceVerbs = ['hits', 'hit', 'has hit', 'beats', 'beat', 'has beaten', 'kicks', 'strangled', 'abuses', 'abused', 'threatens to kill', 'threatened to kill', 'threatens to hurt', 'is violent towards'];
const englishObjects = ['me', 'her', 'him', 'the children'];
const englishViolenceNouns = ['domestic violence', 'violence at home', 'threat of violence at home', 'abusive relationship', 'abusive husband', 'battered wife', 'afraid of her husband', 'beaten by her partner'];
const englishSexual = ['rape', 'raped', 'was raped', 'has been raped', 'he raped her', 'sexual assault', 'sexually assaulted', 'sexual abuse', 'sexually abused', 'sexual violence', 'molested'];
const englishRelatives = ['my husband', 'her son', 'his wife', 'their child', 'my mother'];
const englishSuddenDeaths = ['died suddenly', 'died unexpectedly', 'died yesterday', 'has died suddenly', 'was killed in an accident', 'died in an accident', 'suddenly died'];
const englishLossNouns = ['sudden death', 'sudden death in the family', 'sudden bereavement', 'sudden loss of her husband', 'the sudden death of her son'];

/** Agent × verb (tenses) × object, in the three orders, plus the nouns. */
function violenceCases(need: Need, language: Language, agents: string[], verbs: string[], objects: string[], place: string, nouns: string[]): MatrixCase[] {
  const cases: MatrixCase[] = nouns.map((query) => ({ need, language, query }));
  agents.forEach((agent, a) => {
    verbs.forEach((verb, v) => {
      // Every verb with every agent; the object and the place rotate, so the product stays small.
      const object = objects[(a + v) % objects.length]!;
      const core = language === 'fi' ? [verb, object] : [`${verb} ${object}`];
      for (const query of orders([agent, ...core, (a + v) % 2 === 0 ? place : ''])) cases.push({ need, language, query });
    });
  });
  return cases;
}

function lossCases(language: Language, relatives: string[], deaths: string[], nouns: string[]): MatrixCase[] {
  const cases: MatrixCase[] = nouns.map((query) => ({ need: 'acute-crisis', language, query }));
  for (const relative of relatives) for (const death of deaths) for (const query of orders([relative, death])) cases.push({ need: 'acute-crisis', language, query });
  return cases;
}

export function crisisMatrix(): MatrixCase[] {
  const cases: MatrixCase[] = [...finnishSelfDirected('suicide'), ...finnishSelfDirected('self-harm')];
  for (const need of ['suicide', 'self-harm'] as const) {
    for (const person of swedishPersons) {
      for (const core of swedishCores[need]) for (const modal of swedishModals) for (const query of orders([person.subject, `${modal} ${core(person)}`])) cases.push({ need, language: 'sv', query });
      if (need === 'suicide') for (const modal of swedishDyingModals) for (const query of orders([person.subject, `${modal} dö`])) cases.push({ need, language: 'sv', query });
    }
    for (const query of swedishNouns[need]) cases.push({ need, language: 'sv', query });
    for (const person of englishPersons) {
      const modals = englishModals(person);
      for (const [infinitive, gerund] of englishCores[need]) {
        for (const modal of modals.infinitive) for (const query of orders([person.subject, `${modal} ${infinitive(person)}`])) cases.push({ need, language: 'en', query });
        for (const modal of modals.gerund) for (const query of orders([person.subject, `${modal} ${gerund(person)}`])) cases.push({ need, language: 'en', query });
      }
      if (need === 'suicide') {
        for (const modal of modals.infinitive.slice(0, 3)) for (const query of orders([person.subject, `${modal} die`])) cases.push({ need, language: 'en', query });
        for (const modal of modals.gerund) for (const query of orders([person.subject, `${modal} dying`])) cases.push({ need, language: 'en', query });
      }
    }
    for (const query of englishNouns[need]) cases.push({ need, language: 'en', query });
  }
  cases.push(
    ...violenceCases('violence', 'fi', finnishAgents, finnishViolenceVerbs, finnishObjects, 'kotona', finnishViolenceNouns),
    ...violenceCases('violence', 'sv', swedishAgents, swedishViolenceVerbs, swedishObjects, 'hemma', swedishViolenceNouns),
    ...violenceCases('violence', 'en', englishAgents, englishViolenceVerbs, englishObjects, 'at home', englishViolenceNouns),
    ...violenceCases('sexual-violence', 'fi', finnishAgents.slice(0, 3), finnishSexualVerbs, finnishObjects, '', finnishSexualNouns),
    ...swedishSexual.map((query) => ({ need: 'sexual-violence' as const, language: 'sv' as const, query })),
    ...englishSexual.map((query) => ({ need: 'sexual-violence' as const, language: 'en' as const, query })),
    ...lossCases('fi', finnishRelatives, finnishSuddenDeaths, finnishLossNouns),
    ...lossCases('sv', swedishRelatives, swedishSuddenDeaths, swedishLossNouns),
    ...lossCases('en', englishRelatives, englishSuddenDeaths, englishLossNouns),
  );
  // Unique queries per need (orders of one-chunk phrases coincide).
  const seen = new Set<string>();
  return cases.filter((entry) => !seen.has(`${entry.need}\u0000${entry.query}`) && Boolean(seen.add(`${entry.need}\u0000${entry.query}`)));
}

/**
 * Queries that share words with crisis terms but express no crisis: a life-skills course, an
 * estate, quitting smoking, end-of-life care, self-esteem, sudden hearing loss. Generated as
 * subjects × phrases, in the three languages.
 */
const calmPhrases: Record<Language, string[]> = {
  fi: ['elämänhallinta', 'elämänhallintakurssi', 'kuolinpesä', 'kuolinpesän asiat', 'haluaa lopettaa tupakoinnin', 'haluaa lopettaa juomisen', 'itsetunto', 'itsehoito', 'itsenäinen asuminen', 'haluaa vertaistukea', 'saattohoito elämän loppuvaiheessa', 'elämäntapamuutos', 'äkillinen kuulonmenetys', 'haluaa tavata muita', 'tapaamiset itse', 'vapaaehtoistyö', 'tappio pelissä', 'omaishoitajan jaksaminen', 'velat kasvavat', 'muistisairaan läheinen'],
  sv: ['livsstil', 'livsstilsförändring', 'vill ha hjälp med ekonomi', 'vill sluta röka', 'vill sluta dricka', 'ta hand om sig själv', 'ta sina mediciner', 'självkänsla', 'självhjälpsgrupp', 'plötslig hörselnedsättning', 'vill träffa andra', 'livskvalitet'],
  en: ['life skills course', 'end of life care', 'end of life care for my mother', 'palliative care at the end of life', 'wants to quit smoking', 'wants to stop drinking', 'take my medication', 'take care of himself', 'self-esteem', 'self-help group', 'sudden hearing loss', 'life insurance', 'substance abuse', 'my life as a carer', 'wants to meet other people'],
};
const calmSubjects: Record<Language, string[]> = { fi: ['', 'asiakas', 'hän'], sv: ['', 'klienten', 'hon'], en: ['', 'my client', 'she'] };

export function calmMatrix(): Array<{ language: Language; query: string }> {
  return (['fi', 'sv', 'en'] as const).flatMap((language) =>
    calmSubjects[language].flatMap((subject) => calmPhrases[language].map((phrase) => ({ language, query: `${subject} ${phrase}`.trim() }))),
  );
}
