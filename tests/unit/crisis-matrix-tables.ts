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
export function orders(chunks: string[]): string[] {
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

// ---- Acute distress without a crisis word (issue: "everything is falling apart, I need to talk
// to someone tonight") -----------------------------------------------------------------------

/**
 * A person and the conjugated forms of each acute-distress family: falling apart, breaking
 * down, cannot cope/bear it any more, panic and shock, an urgent need to talk. Forms are in
 * present, past, perfect and (where it is said) conditional; the totality or urgency marker
 * ("enää", "mer", "anymore", "now", "tonight") is part of the phrase, as people say it.
 */
interface FinnishDistressPerson {
  subject: string;
  /** Negation verb ("en", "ei", "eivät") and the verbs after it in present, past, perfect, conditional. */
  negation: string;
  jaksaa: string[];
  kestaa: string[];
  /** "Falling apart" and "collapsing" in the person's own forms ("hajoan", "romahdin"). */
  breaking: string[];
  be: string;
  /** A pronoun subject: "X on ihan rikki" of a noun is also a broken phone, so only pronouns say it. */
  pronoun: boolean;
  /** The subject names a group the catalogue serves ("nuoret"): with a soft pattern ("eivät jaksa
   *  enää") the query asks for that group's services, so it is in softWithNeedMatrix, not here. */
  namesNeed?: boolean;
  needs: string[];
}
const finnishDistressPersons: FinnishDistressPerson[] = [
  { subject: 'minä', pronoun: true, negation: 'en', jaksaa: ['jaksa', 'jaksanut', 'ole jaksanut', 'jaksaisi'], kestaa: ['kestä', 'kestänyt'], breaking: ['hajoan', 'hajosin', 'olen hajoamassa', 'romahdin', 'olen romahtanut', 'romahdan'], be: 'olen', needs: ['tarvitsen', 'tarvitsisin', 'minun täytyy'] },
  { subject: 'hän', pronoun: true, negation: 'ei', jaksaa: ['jaksa', 'jaksanut', 'ole jaksanut'], kestaa: ['kestä', 'kestänyt'], breaking: ['hajoaa', 'hajosi', 'romahti', 'on romahtanut', 'romahtaa'], be: 'on', needs: ['tarvitsee', 'hänen pitää'] },
  { subject: 'sinä', pronoun: true, negation: 'et', jaksaa: ['jaksa', 'jaksanut'], kestaa: ['kestä'], breaking: ['hajoat', 'hajosit', 'romahdit', 'olet romahtanut'], be: 'olet', needs: ['tarvitset'] },
  { subject: 'potilas', pronoun: false, negation: 'ei', jaksaa: ['jaksa', 'jaksanut'], kestaa: ['kestä', 'kestänyt'], breaking: ['romahti', 'on romahtanut'], be: 'on', needs: ['tarvitsee'] },
  { subject: 'nuoret', pronoun: false, namesNeed: true, negation: 'eivät', jaksaa: ['jaksa', 'jaksaneet'], kestaa: ['kestä', 'kestäneet'], breaking: ['romahtivat', 'ovat romahtaneet'], be: 'ovat', needs: ['tarvitsevat'] },
];
const finnishDistress: Array<(p: FinnishDistressPerson) => string[]> = [
  // Soft (exhaustion): a crisis only when the query names no need the catalogue serves.
  (p) => (p.namesNeed ? [] : p.jaksaa.flatMap((verb) => [`${p.negation} ${verb} enää`, `${p.negation} ${verb} enää mitään`])),
  (p) => (p.namesNeed ? [] : p.kestaa.map((verb) => `${p.negation} ${verb} enää`)),
  (p) => p.breaking,
  (p) => [`${p.be} paniikissa`, `${p.be} shokissa`, ...(p.pronoun ? [`${p.be} ihan rikki`] : [])],
  (p) => p.needs.flatMap((verb) => [`${verb} jonkun puhuttavaksi nyt`, `${verb} päästä puhumaan jonkun kanssa heti`, `${verb} jonkun kenelle puhua tänä yönä`]),
];
const finnishDistressPhrases = ['kaikki hajoaa', 'kaikki romahtaa', 'elämäni hajoaa käsiin', 'kaikki on romahtanut', 'hermoromahdus', 'joutui paniikkiin', 'sai paniikkikohtauksen', 'paniikkikohtaus', 'meni shokkiin', 'on hätä', 'hädissään', 'hätääntynyt', 'keskusteluapua heti', 'tarvitsee keskusteluapua nyt'];

const swedishDistressPersons = ['jag', 'han', 'hon', 'du', 'patienten'];
/** Present, past and perfect per family; "orkar inte mer" and "har inte orkat längre". */
const swedishDistressVerbs = [
  'orkar inte mer', 'orkar inte längre', 'orkade inte mer', 'har inte orkat längre', 'kan inte orka mer', 'orkar ingenting',
  'klarar inte mer', 'klarade inte längre', 'har inte klarat mer',
  'bryter ihop', 'bröt ihop', 'har brutit ihop', 'håller på att bryta ihop', 'bröt samman',
  'har panik', 'fick panik', 'hade en panikattack', 'är i chock', 'är chockad',
  'behöver prata med någon nu', 'behövde prata med någon i natt', 'måste få prata med någon genast', 'behöver någon att prata med ikväll',
];
/** "Goes to pieces" needs a pronoun before it: of a noun it is a machine ("tvättmaskinen gick sönder"). */
const swedishBreakingVerbs = ['går sönder', 'gick sönder', 'har gått i bitar', 'faller isär', 'rasar ihop'];
const swedishDistressPhrases = ['allt rasar', 'livet rasade', 'hela världen har rasat', 'allt går sönder', 'allt faller isär', 'nervsammanbrott', 'panikattack', 'i chock', 'i panik'];

const englishDistressPersons = englishPersons;
const englishDistressVerbs = (p: EnglishPerson): string[] => {
  const be = p.subject === 'I' ? 'am' : p.third ? 'is' : 'are';
  const have = p.third ? 'has' : 'have';
  const need = p.third ? 'needs' : 'need';
  return [
    `${be} falling apart`, 'fell apart', `${have} fallen apart`, `${be} falling to pieces`, `${be} in pieces`,
    // "Broke down" of a noun subject is also "my son's car broke down": a pronoun says it alone.
    `${be} breaking down`, p.subject.includes(' ') ? 'broke down in tears' : 'broke down', `${have} broken down`, 'broke down in tears', `${be} having a nervous breakdown`,
    "can't cope anymore", 'cannot cope any more', "couldn't cope any longer", "can't cope with anything", `${be} not coping anymore`,
    "can't take it anymore", "can't take this any more", "couldn't stand it any longer",
    `${be} at breaking point`, `${have} reached breaking point`, `${be} overwhelmed and desperate`,
    `${need} to talk to someone tonight`, `${need} to talk to someone now`, 'needed to speak to somebody urgently', `${need} someone to talk to right now`, `urgently ${need} to talk to someone`,
    `${be} having a panic attack`, 'had a panic attack', `${be} panicking`, 'panicked', `${be} in shock`,
  ];
};
const englishDistressPhrases = ['everything is falling apart', 'my life is falling apart', 'my world fell apart', "it's all falling apart", 'nervous breakdown', 'panic attack', 'in a panic', 'in shock', 'at breaking point', 'everything is falling apart, I need to talk to someone tonight'];

/** Suicidal wishes said without a suicide word: not waking up, others better off, it all ending. */
const suicideWishes: Record<Language, string[]> = {
  fi: ['en halua herätä enää', 'hän ei halua herätä enää koskaan', 'en haluaisi herätä enää', 'kaikilla olisi parempi ilman minua', 'muilla olisi parempi ilman minua'],
  sv: ['jag vill inte vakna mer', 'hon vill aldrig vakna igen', 'ville inte vakna mer', 'alla skulle ha det bättre utan mig', 'jag vill att allt ska ta slut', 'han ville att allt skulle ta slut'],
  en: ['better off dead', "they'd be better off without me", 'everyone would be better off without me', "I can't go on living", "she doesn't want to go on living", "I don't want to wake up again", 'he never wants to wake up again', 'I want it all to end', 'she wishes everything would stop'],
};

function distressCases(): MatrixCase[] {
  const need = 'acute-crisis' as const;
  const cases: MatrixCase[] = [];
  for (const person of finnishDistressPersons) {
    for (const family of finnishDistress) for (const core of family(person)) for (const query of orders([person.subject, core])) cases.push({ need, language: 'fi', query });
  }
  for (const subject of swedishDistressPersons) {
    for (const verb of swedishDistressVerbs) for (const query of orders([subject, verb])) cases.push({ need, language: 'sv', query });
    if (subject !== 'patienten') for (const verb of swedishBreakingVerbs) cases.push({ need, language: 'sv', query: `${subject} ${verb}` });
  }
  for (const person of englishDistressPersons) for (const verb of englishDistressVerbs(person)) cases.push({ need, language: 'en', query: `${person.subject} ${verb}` });
  cases.push(
    ...finnishDistressPhrases.map((query) => ({ need, language: 'fi' as const, query })),
    ...swedishDistressPhrases.map((query) => ({ need, language: 'sv' as const, query })),
    ...englishDistressPhrases.map((query) => ({ need, language: 'en' as const, query })),
  );
  for (const language of ['fi', 'sv', 'en'] as const) for (const query of suicideWishes[language]) cases.push({ need: 'suicide', language, query });
  return cases;
}

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
    ...distressCases(),
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
  fi: ['elämänhallinta', 'elämänhallintakurssi', 'kuolinpesä', 'kuolinpesän asiat', 'haluaa lopettaa tupakoinnin', 'haluaa lopettaa juomisen', 'itsetunto', 'itsehoito', 'itsenäinen asuminen', 'haluaa vertaistukea', 'saattohoito elämän loppuvaiheessa', 'elämäntapamuutos', 'äkillinen kuulonmenetys', 'haluaa tavata muita', 'tapaamiset itse', 'vapaaehtoistyö', 'tappio pelissä', 'omaishoitajan jaksaminen', 'velat kasvavat', 'muistisairaan läheinen',
    // Everyday near-misses of acute distress: no totality or urgency marker, a thing not a person, a disorder's peer group.
    'en jaksa siivota', 'ei jaksa tehdä kotitöitä', 'jaksamisen tuki', 'paniikkihäiriö', 'paniikkihäiriö vertaistuki', 'haluaa puhua jonkun kanssa veloista', 'hätämajoitus', 'ei halua herätä aamulla kouluun', 'stressinhallinta'],
  sv: ['livsstil', 'livsstilsförändring', 'vill ha hjälp med ekonomi', 'vill sluta röka', 'vill sluta dricka', 'ta hand om sig själv', 'ta sina mediciner', 'självkänsla', 'självhjälpsgrupp', 'plötslig hörselnedsättning', 'vill träffa andra', 'livskvalitet',
    'orkar inte laga mat', 'klarar inte städningen', 'panikångest', 'panikångest stödgrupp', 'vill prata med någon om skulder', 'vill inte vakna på morgonen', 'bryter upp med pojkvännen'],
  en: ['life skills course', 'end of life care', 'end of life care for my mother', 'palliative care at the end of life', 'wants to quit smoking', 'wants to stop drinking', 'take my medication', 'take care of himself', 'self-esteem', 'self-help group', 'sudden hearing loss', 'life insurance', 'substance abuse', 'my life as a carer', 'wants to meet other people',
    "I can't cope with the paperwork", 'need to talk to someone about my debts', 'panic buying', 'panic disorder peer group', 'overwhelmed with bills', "doesn't want to wake up for school", 'how to go on living after a loss', 'better off financially'],
};
/** Whole sentences where a thing, not a person, falls apart: they keep their own subject. */
const calmSentences: Record<Language, string[]> = {
  fi: ['talo on hajoamassa', 'auto hajosi', 'hänen autonsa hajosi', 'puhelin on ihan rikki', 'asiakkaan puhelin on rikki', 'kaikki lamput ovat rikki'],
  sv: ['taket rasade', 'tvättmaskinen gick sönder', 'klientens tak rasade', 'hennes bil gick sönder'],
  en: ['the roof is falling apart', 'my house is falling apart', 'her car broke down', "my client's car broke down", "my son's car broke down", 'the washing machine is breaking down'],
};
const calmSubjects: Record<Language, string[]> = { fi: ['', 'asiakas', 'hän'], sv: ['', 'klienten', 'hon'], en: ['', 'my client', 'she'] };

export function calmMatrix(): Array<{ language: Language; query: string }> {
  return (['fi', 'sv', 'en'] as const).flatMap((language) =>
    [
      ...calmSubjects[language].flatMap((subject) => calmPhrases[language].map((phrase) => ({ language, query: `${subject} ${phrase}`.trim() }))),
      ...calmSentences[language].map((query) => ({ language, query })),
    ],
  );
}

// ---- Soft distress beside a named need ------------------------------------------------------

/**
 * Exhaustion said with a need: "omaishoitaja ei jaksa enää" asks for caregivers' support, not a
 * crisis line. The soft families (data/crisis-needs.json softTerms) per language, and needs the
 * catalogue serves, named as nurses write them. Studies have no Swedish or English words the
 * catalogue serves ("studier", "studies" find nothing): there the soft crisis stands
 * (softWithUnservedNeed).
 */
type NamedNeed = 'caregiver' | 'debt' | 'dementia-relative' | 'baby' | 'studies' | 'job' | 'housing' | 'youth';
export interface NeedCase {
  need: NamedNeed;
  language: Language;
  /** The need named alone: its leading results are the need's services. */
  needPhrase: string;
  query: string;
}
const softPhrases: Record<Language, string[]> = {
  fi: ['en jaksa enää', 'ei jaksa enää', 'ei ole jaksanut enää', 'en kestä enää', 'ei jaksa enää mitään'],
  sv: ['orkar inte mer', 'klarar inte längre', 'har inte orkat längre', 'orkar ingenting'],
  en: ["can't cope anymore", "can't take it anymore", 'is at breaking point', 'overwhelmed and desperate'],
};
const namedNeeds: Record<Language, Partial<Record<NamedNeed, string>>> = {
  fi: { caregiver: 'omaishoitaja', debt: 'velat', 'dementia-relative': 'muistisairas äiti', baby: 'vauvan kanssa', studies: 'opinnot', job: 'työttömänä', housing: 'asunnoton', youth: 'nuoret' },
  sv: { caregiver: 'närståendevårdaren', debt: 'skulderna', 'dementia-relative': 'mamma har demens', baby: 'barnfamilj', job: 'arbetslös', housing: 'bostad' },
  en: { caregiver: 'the caregiver', debt: 'debts', 'dementia-relative': 'mother with dementia', baby: 'parents of a baby', job: 'unemployed', housing: 'housing' },
};
const unservedNeeds: Record<Exclude<Language, 'fi'>, string> = { sv: 'studierna', en: 'my studies' };

export function softWithNeedMatrix(): NeedCase[] {
  const cases: NeedCase[] = [];
  for (const language of ['fi', 'sv', 'en'] as const) {
    for (const [need, needPhrase] of Object.entries(namedNeeds[language]) as Array<[NamedNeed, string]>) {
      for (const soft of softPhrases[language]) {
        for (const query of [`${needPhrase} ${soft}`, `${soft}, ${needPhrase}`]) cases.push({ need, language, needPhrase, query });
      }
    }
  }
  return cases;
}

/** A need the catalogue does not serve in that language leaves the soft crisis standing. */
export function softWithUnservedNeedMatrix(): MatrixCase[] {
  return (['sv', 'en'] as const).flatMap((language) => softPhrases[language].map((soft) => ({ need: 'acute-crisis' as const, language, query: `${soft}, ${unservedNeeds[language]}` })));
}

/**
 * Hard patterns beside the same named needs stay a crisis: a wish to die, self-harm, violence,
 * sexual violence, a sudden death, a person falling apart, panic, an urgent need to talk, and a
 * soft pattern together with a hard one.
 */
const hardPhrases: Record<Language, Array<[Need, string]>> = {
  fi: [
    ['suicide', 'haluaa kuolla'], ['suicide', 'aikoo tappaa itsensä'], ['suicide', 'ei jaksa enää, haluaa kuolla'], ['self-harm', 'viiltelee itseään'],
    ['violence', 'mies lyö'], ['sexual-violence', 'raiskattiin'], ['acute-crisis', 'äiti kuoli äkillisesti'], ['acute-crisis', 'romahti täysin'],
    ['acute-crisis', 'sai paniikkikohtauksen'], ['acute-crisis', 'tarvitsee jonkun puhuttavaksi nyt'],
  ],
  sv: [
    ['suicide', 'vill dö'], ['suicide', 'orkar inte mer, vill inte leva'], ['self-harm', 'skadar sig själv'], ['violence', 'mannen slår henne'],
    ['sexual-violence', 'blev våldtagen'], ['acute-crisis', 'mamma dog plötsligt'], ['acute-crisis', 'bröt ihop'], ['acute-crisis', 'behöver prata med någon nu'],
  ],
  en: [
    ['suicide', 'wants to die'], ['suicide', "can't cope anymore and wants to end her life"], ['self-harm', 'is cutting herself'], ['violence', 'her husband hits her'],
    ['sexual-violence', 'was raped'], ['acute-crisis', 'her son died suddenly'], ['acute-crisis', 'she is falling apart'], ['acute-crisis', 'needs to talk to someone tonight'],
  ],
};

export function hardWithNeedMatrix(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const language of ['fi', 'sv', 'en'] as const) {
    for (const needPhrase of Object.values(namedNeeds[language])) {
      for (const [need, hard] of hardPhrases[language]) cases.push({ need, language, query: `${needPhrase}, ${hard}` });
    }
  }
  return cases;
}
