import { orders, type Language, type MatrixCase } from './crisis-matrix-tables';

/**
 * A second crisis matrix (issue 20, item 2): the wordings a red-team of about 810 realistic queries
 * found the first matrix (crisis-matrix-tables.ts) did not generate, as families of templates ×
 * persons × languages. Indirect suicide wishes ("haluaa pois tästä maailmasta", "vill inte
 * finnas", "doesn't want to be here anymore"), an overdose on purpose, jumping, shooting or
 * hanging oneself; stalking, threats and violence by an ex, a cohabitant, an adult son or a
 * stepfather, honour violence and forced marriage, a restraining order, not daring to go home;
 * forced sex, incest, a spiked drink, abuse without the word "sexual"; a child's death, drowning,
 * a traffic accident, someone found dead, stillbirth. Every family also in capitals and without
 * diacritics, and the long crisis words with one slip of the fingers. Written from the
 * languages, not from data/crisis-needs.json.
 */

// ---- Finnish suicide: persons with the verb forms the templates need ---------------------

interface FinnishPerson {
  subject: string;
  /** Negation verb, its -kA form ("enkä") and after "että" ("etten"). */
  neg: string;
  negAnd: string;
  negThat: string;
  /** "Want" conjugated, and its connegative after the negation (colloquial "haluu" too). */
  want: string;
  wantNeg: string;
  intend: string;
  thought: string;
  took: string;
  wish: string;
  reflexive: string;
}
const finnishPersons: FinnishPerson[] = [
  { subject: '', neg: 'en', negAnd: 'enkä', negThat: 'etten', want: 'haluan', wantNeg: 'halua', intend: 'aion', thought: 'olen miettinyt', took: 'otin', wish: 'toivon', reflexive: 'itseni' },
  { subject: 'hän', neg: 'ei', negAnd: 'eikä', negThat: 'ettei', want: 'haluaa', wantNeg: 'halua', intend: 'aikoo', thought: 'on miettinyt', took: 'otti', wish: 'toivoo', reflexive: 'itsensä' },
  { subject: 'asiakas', neg: 'ei', negAnd: 'eikä', negThat: 'ettei', want: 'haluaisi', wantNeg: 'haluaisi', intend: 'suunnittelee', thought: 'on puhunut', took: 'otti', wish: 'toivoo', reflexive: 'itsensä' },
  { subject: 'mä', neg: 'en', negAnd: 'enkä', negThat: 'etten', want: 'haluun', wantNeg: 'haluu', intend: 'aion', thought: 'oon miettiny', took: 'otin', wish: 'toivon', reflexive: 'itteni' },
  { subject: 'nuoret', neg: 'eivät', negAnd: 'eivätkä', negThat: 'etteivät', want: 'haluavat', wantNeg: 'halua', intend: 'aikovat', thought: 'ovat miettineet', took: 'ottivat', wish: 'toivovat', reflexive: 'itsensä' },
];
const finnishSuicide: Array<(p: FinnishPerson) => string> = [
  (p) => `${p.neg} ${p.wantNeg} enää herätä`,
  (p) => `${p.neg} ${p.wantNeg} elää`,
  (p) => `${p.want} pois tästä maailmasta`,
  (p) => `${p.want} pois elämästä lopullisesti`,
  (p) => `${p.neg} näe mitään syytä elää`,
  (p) => `${p.intend} hypätä sillalta`,
  (p) => `${p.intend} hypätä junan alle`,
  (p) => `${p.intend} ampua ${p.reflexive}`,
  (p) => `${p.intend} myrkyttää ${p.reflexive}`,
  (p) => `${p.took} yliannostuksen tahallaan`,
  (p) => `${p.took} kaikki unilääkkeet tarkoituksella`,
  (p) => `${p.wish} ${p.negThat} heräisi enää`,
  (p) => `${p.want} nukahtaa ${p.negAnd} herätä`,
  (p) => `${p.thought} itsaria`,
  (p) => `${p.want} nukkua pois`,
  (p) => `${p.wish} ${p.negThat} aamua tulisi`,
  (p) => `${p.neg} ${p.wantNeg} olla olemassa`,
];
const finnishSuicideNouns = ['itsari', 'itsariajatuksia', 'itsarista', 'kuolemanajatuksia', 'kuolemanajatukset', 'tahallinen yliannostus', 'elämä ei tunnu elämisen arvoiselta', 'olisin mieluummin kuollut', 'jäähyväiskirje', 'suunnittelee kuolemaansa', 'ajattelee kuolemaa jatkuvasti', 'uhkailee itsemurhalla', 'on uhannut itsemurhalla', 'uhkaa tappaa itsensä', 'mies uhkailee tappaa itsensä'];

// ---- Swedish and English suicide and self-harm ---------------------------------------------

interface SwedishPerson {
  subject: string;
  pronoun: string;
  reflexive: string;
  possessive: string;
}
const swedishPersons: SwedishPerson[] = [
  { subject: 'jag', pronoun: 'jag', reflexive: 'mig', possessive: 'mitt' },
  { subject: 'hon', pronoun: 'hon', reflexive: 'sig', possessive: 'sitt' },
  { subject: 'han', pronoun: 'han', reflexive: 'sig', possessive: 'sitt' },
  { subject: 'patienten', pronoun: 'hon', reflexive: 'sig', possessive: 'sitt' },
  { subject: 'min son', pronoun: 'han', reflexive: 'sig', possessive: 'sitt' },
];
const swedishSuicide: Array<(p: SwedishPerson) => string> = [
  (p) => `${p.subject} vill inte finnas`,
  (p) => `${p.subject} vill inte finnas längre`,
  (p) => `${p.subject} har tankar på att ta ${p.possessive} liv`,
  (p) => `${p.subject} vill hellre vara död`,
  (p) => `${p.subject} önskar att ${p.pronoun} var död`,
  (p) => `${p.subject} ser ingen mening med att leva`,
  (p) => `${p.subject} tog en överdos med flit`,
  (p) => `${p.subject} funderar på att hoppa framför tåget`,
  (p) => `${p.subject} har tänkt hoppa från bron`,
  (p) => `${p.subject} pratar om att dö`,
  (p) => `${p.subject} vill skjuta ${p.reflexive}`,
  (p) => `${p.subject} vill försvinna för alltid`,
  (p) => `${p.subject} vill sova och aldrig vakna`,
  (p) => `${p.subject} har slutat vilja leva`,
  (p) => `${p.subject} är livstrött`,
  (p) => `${p.subject} har skrivit ett avskedsbrev`,
];
const swedishSelfHarm: Array<(p: SwedishPerson) => string> = [(p) => `${p.subject} rispar ${p.reflexive}`, (p) => `${p.subject} bränner ${p.reflexive} med cigaretter`];
const swedishSuicideNouns = ['avsiktlig överdos', 'livet är inte värt att leva', 'ingen mening att leva', 'funderar på att avsluta allt', 'hotar med självmord', 'hotar att ta livet av sig', 'mannen hotar att ta sitt liv'];

interface EnglishPerson {
  subject: string;
  third: boolean;
  reflexive: string;
  possessive: string;
}
const englishPersons: EnglishPerson[] = [
  { subject: 'I', third: false, reflexive: 'myself', possessive: 'my' },
  { subject: 'she', third: true, reflexive: 'herself', possessive: 'her' },
  { subject: 'he', third: true, reflexive: 'himself', possessive: 'his' },
  { subject: 'they', third: false, reflexive: 'themselves', possessive: 'their' },
  { subject: 'my client', third: true, reflexive: 'herself', possessive: 'her' },
];
const s = (p: EnglishPerson, verb: string) => (p.third ? `${verb}s` : verb);
const dont = (p: EnglishPerson) => (p.third ? "doesn't" : "don't");
const englishSuicide: Array<(p: EnglishPerson) => string> = [
  (p) => `${p.subject} ${dont(p)} want to be here anymore`,
  (p) => `${p.subject} ${p.third ? 'does' : 'do'} not want to be here any more`,
  (p) => `${p.subject} ${dont(p)} want to be alive`,
  (p) => `${p.subject} took an overdose on purpose`,
  (p) => `${p.subject} ${s(p, 'see')} no point in living`,
  (p) => `${p.subject} ${p.third ? 'has' : 'have'} no reason to go on`,
  (p) => `${p.subject} ${s(p, 'want')} to jump off a bridge`,
  (p) => `${p.subject} ${s(p, 'want')} to jump in front of a train`,
  (p) => `${p.subject} tried to hang ${p.reflexive}`,
  (p) => `${p.subject} ${s(p, 'want')} to shoot ${p.reflexive}`,
  (p) => `${p.subject} ${s(p, 'want')} to disappear forever`,
  (p) => `${p.subject} ${s(p, 'want')} to go to sleep and never wake up`,
  (p) => `${p.subject} ${p.subject === 'I' ? 'am' : p.third ? 'is' : 'are'} tired of living`,
  (p) => `${p.subject} ${p.third ? 'has' : 'have'} been thinking about ending things`,
  (p) => `${p.subject} ${s(p, 'want')} to unalive ${p.reflexive}`,
  (p) => `${p.subject} wrote a goodbye note`,
];
const englishSelfHarm: Array<(p: EnglishPerson) => string> = [
  (p) => `${p.subject} ${s(p, 'cut')} ${p.possessive} arms`,
  (p) => `${p.subject} ${s(p, 'cut')} ${p.possessive} wrists`,
  (p) => `${p.subject} ${p.third ? 'scratches' : 'scratch'} ${p.reflexive} until it bleeds`,
];
const englishSuicideNouns = ['deliberate overdose', 'intentional overdose', 'overdose on purpose', 'life is not worth living', 'not worth living anymore'];

// ---- Violence and sexual violence: perpetrator × act, in the three orders -----------------

const violence: Record<Language, { agents: string[]; acts: string[]; nouns: string[] }> = {
  fi: {
    agents: ['exä', 'entinen mies', 'avomies', 'aikuinen poika', 'isäpuoli', 'ex-poikaystävä'],
    acts: ['vainoaa', 'on vainonnut', 'vainosi häntä', 'uhkailee tappaa', 'on uhkaillut tappaa', 'uhkasi puukolla', 'uhkaili veitsellä', 'potkaisi', 'läimäytti', 'heitti seinään', 'lukitsi hänet', 'ravisteli vauvaa'],
    nouns: ['mustasukkainen mies kontrolloi', 'pitää kotona lukkojen takana', 'pelkää henkensä puolesta', 'uhattu kotona', 'kotona uhkaillaan', 'mies riehuu humalassa', 'aggressiivinen puoliso', 'ex mies uhkaa', 'exä uhkailee', 'vainoaminen', 'vainoava ex', 'tarvitsee lähestymiskiellon', 'haki lähestymiskieltoa', 'pakkoavioliitto', 'pakkoavioliiton uhka', 'ei uskalla mennä kotiin', 'en uskalla mennä kotiin', 'tarvitsee turvakodin', 'pääsisikö turvakotiin', 'kaltoinkohtelu kotona'],
  },
  sv: {
    agents: ['sambon', 'exmannen', 'pojkvännen', 'hennes ex', 'vuxna sonen', 'styvpappan'],
    acts: ['förföljer henne', 'har förföljt henne', 'stalkar henne', 'hotar att döda henne', 'slår henne', 'låser in henne', 'knuffade och slog henne', 'gav henne en örfil', 'skakade bebisen'],
    nouns: ['svartsjuk man kontrollerar', 'hedersförtryck', 'rädd för sitt liv', 'rädd att mannen ska döda henne', 'hon behöver skydd från sin man', 'aggressiv sambo', 'förföljd av sitt ex', 'vågar inte gå hem', 'kvinnojour', 'skyddat boende', 'tvångsäktenskap', 'kontaktförbud', 'blev slagen', 'rädd för sin sambo'],
  },
  en: {
    agents: ['her ex', 'my ex-husband', 'her boyfriend', 'his partner', 'her adult son', 'my stepfather'],
    acts: ['is stalking her', 'stalks me', 'stalked her', 'threatens her', 'strangled me', 'threatened her with a knife', 'locks her in', 'slapped her', 'pushed and slapped her', 'shook the baby'],
    nouns: ['jealous husband controls everything', 'fears for her life', 'scared he will kill her', 'threatened at home', 'unsafe at home', 'not safe at home', 'needs protection from her husband', 'partner is aggressive', 'woman experiencing abuse needs a safe place to stay', 'shelter for women and children', 'victim of abuse', 'financial abuse', 'emotional abuse', 'psychological abuse', 'honour-based abuse', 'womens refuge', "women's refuge", 'domestic abuse', 'coercive control', 'forced marriage', 'restraining order', 'afraid to go home', 'elder abuse', 'child abuse', 'being stalked by her ex'],
  },
};
const sexualViolence: Record<Language, { agents: string[]; acts: string[]; nouns: string[] }> = {
  fi: {
    agents: ['isäpuoli', 'setä', 'valmentaja', 'mies'],
    acts: ['pakotti seksiin', 'käytti häntä hyväksi', 'käytti minua hyväksi', 'on pakottanut seksiin', 'kosketteli häntä', 'kosketteli lasta sopimattomasti', 'lähenteli'],
    nouns: ['tyrmäystippoja juomaan', 'sai huumaavaa ainetta juomaansa', 'seksuaalinen kiristys', 'alastonkuvia levitettiin', 'kiristetään alastonkuvilla', 'pakotettiin seksiin', 'seksuaalirikoksen uhri', 'seksuaalirikoksesta', 'insesti', 'insestin uhri', 'isäpuoli käytti hyväksi'],
  },
  sv: {
    agents: ['styvpappan', 'pojkvännen', 'mannen'],
    acts: ['tvingade henne till sex', 'tvingade mig till samlag', 'tafsade på henne'],
    nouns: ['ofredad', 'sexuellt ofredad', 'utnyttjad sexuellt', 'sextortion', 'tvingades till sex', 'blev tvingad till sex', 'incest', 'utsatt för incest'],
  },
  en: {
    agents: ['her stepfather', 'my boyfriend', 'a man'],
    acts: ['forced her to have sex', 'forced me into sex', 'touched her inappropriately', 'groped her'],
    nouns: ['touched inappropriately', 'unwanted sexual contact', 'sextortion', 'her nudes were leaked', 'intimate images shared', 'forced to have sex', 'my drink was spiked', 'drink spiked and assaulted', 'incest', 'incest survivor'],
  },
};

// ---- Acute loss: who died × how, in the two orders ----------------------------------------

const loss: Record<Language, { children: string[]; deaths: string[]; anyone: string[]; accidents: string[]; nouns: string[] }> = {
  fi: {
    children: ['lapsi', 'vauva', 'hänen poikansa', 'asiakkaan tytär'],
    deaths: ['kuoli', 'hukkui järveen', 'menehtyi'],
    anyone: ['mies', 'puoliso', 'isä', 'veli'],
    accidents: ['kuoli kolarissa', 'kuoli liikenneonnettomuudessa', 'kuoli tapaturmaisesti', 'löydettiin kuolleena', 'kuoli äkisti', 'murhattiin', 'tapettiin', 'ammuttiin', 'nukkui pois yllättäen', 'kuoli sydänkohtaukseen'],
    nouns: ['traaginen kuolema', 'kuoli kätkyeen', 'läheisen kuolema onnettomuudessa', 'hätätilanne', 'järkyttävä kokemus', 'traumaattinen tapahtuma', 'todisti onnettomuuden', 'koti paloi', 'asunto paloi', 'menetti lapsensa', 'menetti vauvansa', 'menetin poikani', 'kätkytkuolema', 'lapsen kuolema', 'vauvan kuolema', 'kohtukuolema'],
  },
  sv: {
    children: ['barnet', 'sonen', 'dottern', 'bebisen'],
    deaths: ['dog', 'drunknade', 'avled'],
    anyone: ['hennes man', 'pappa', 'brodern'],
    accidents: ['dog i en trafikolycka', 'omkom i en bilolycka', 'hittades död', 'gick bort plötsligt', 'mördades', 'sköts ihjäl', 'dog i natt'],
    nouns: ['oväntad bortgång', 'plötslig bortgång', 'knivhöggs till döds', 'krisstöd efter dödsfall', 'behöver krisstöd', 'akut krishjälp', 'huset brann ner', 'traumatisk upplevelse', 'jourtelefon', 'mår jättedåligt och behöver prata nu', 'förlorade sitt barn', 'förlorade sin son', 'förlorade sin man plötsligt', 'barnets död', 'drunknade', 'dödfött barn'],
  },
  en: {
    children: ['her son', 'my daughter', 'their baby', 'the child'],
    deaths: ['died', 'drowned', 'passed away'],
    anyone: ['her husband', 'his father', 'my brother'],
    accidents: ['was killed in a car accident', 'died in a car crash', 'was found dead', 'was murdered', 'was shot dead', 'was stabbed to death', 'died last night', 'passed away unexpectedly', 'died of a heart attack'],
    nouns: ['traumatic bereavement', 'unexpected bereavement', 'murdered', 'house burned down', 'traumatic experience', 'need someone to talk to at night', 'talk to someone anonymously tonight', 'lost her baby', 'lost their son', 'lost her husband suddenly', 'found dead', 'death of a child', 'stillbirth', 'stillborn baby'],
  },
};

// ---- Variants and slips --------------------------------------------------------------------

const FOLD: Record<string, string> = { ä: 'a', ö: 'o', å: 'a', Ä: 'A', Ö: 'O', Å: 'A' };
/** As typed on a keyboard without Nordic letters. */
const withoutDiacritics = (query: string) => query.replace(/[äöåÄÖÅ]/g, (letter) => FOLD[letter]!);

/** Long crisis words, each with one slip inside: a letter left out, two swapped, one doubled. */
const slipWords: Array<[MatrixCase['need'], Language, string]> = [
  ['suicide', 'fi', 'itsemurha'], ['suicide', 'fi', 'itsemurhaa'], ['suicide', 'fi', 'itsetuhoinen'], ['suicide', 'sv', 'självmordstankar'], ['suicide', 'sv', 'självmordsförsök'],
  ['suicide', 'en', 'suicidal'], ['suicide', 'en', 'suicide'], ['self-harm', 'sv', 'självskadebeteende'], ['sexual-violence', 'fi', 'hyväksikäyttö'], ['violence', 'sv', 'misshandlad'],
];
function slips(word: string): string[] {
  const middle = Math.floor(word.length / 2);
  const left = word.slice(0, middle) + word.slice(middle + 1);
  const swapped = word.slice(0, middle - 1) + word[middle] + word[middle - 1] + word.slice(middle + 1);
  const doubled = word.slice(0, middle) + word[middle] + word.slice(middle);
  return [...new Set([left, swapped, doubled])].filter((slip) => slip !== word);
}

function agentCases(need: MatrixCase['need'], language: Language, table: { agents: string[]; acts: string[]; nouns: string[] }): MatrixCase[] {
  const cases = table.nouns.map((query) => ({ need, language, query }));
  for (const agent of table.agents) for (const act of table.acts) for (const query of orders([agent, act])) cases.push({ need, language, query });
  return cases;
}

function lossCases(language: Language): MatrixCase[] {
  const table = loss[language];
  const need = 'acute-crisis' as const;
  const cases: MatrixCase[] = table.nouns.map((query) => ({ need, language, query }));
  for (const child of table.children) for (const death of [...table.deaths, ...table.accidents]) for (const query of orders([child, death])) cases.push({ need, language, query });
  for (const person of table.anyone) for (const death of table.accidents) for (const query of orders([person, death])) cases.push({ need, language, query });
  return cases;
}

/** The families as written (no capitals, diacritics kept, no slips). */
function baseCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const person of finnishPersons) for (const template of finnishSuicide) for (const query of orders([person.subject, template(person)])) cases.push({ need: 'suicide', language: 'fi', query });
  cases.push(...finnishSuicideNouns.map((query) => ({ need: 'suicide' as const, language: 'fi' as const, query })));
  for (const person of swedishPersons) {
    for (const template of swedishSuicide) cases.push({ need: 'suicide', language: 'sv', query: template(person) });
    for (const template of swedishSelfHarm) cases.push({ need: 'self-harm', language: 'sv', query: template(person) });
  }
  cases.push(...swedishSuicideNouns.map((query) => ({ need: 'suicide' as const, language: 'sv' as const, query })));
  for (const person of englishPersons) {
    for (const template of englishSuicide) cases.push({ need: 'suicide', language: 'en', query: template(person) });
    for (const template of englishSelfHarm) cases.push({ need: 'self-harm', language: 'en', query: template(person) });
  }
  cases.push(...englishSuicideNouns.map((query) => ({ need: 'suicide' as const, language: 'en' as const, query })));
  for (const language of ['fi', 'sv', 'en'] as const) {
    cases.push(...agentCases('violence', language, violence[language]), ...agentCases('sexual-violence', language, sexualViolence[language]), ...lossCases(language));
  }
  return cases;
}

/** Every family as written, in capitals, without diacritics, and the long words with slips. */
export function wordingMatrix(): MatrixCase[] {
  const base = baseCases();
  const cases = [
    ...base,
    ...base.map((entry) => ({ ...entry, query: entry.query.toLocaleUpperCase(entry.language) })),
    ...base.filter((entry) => /[äöå]/.test(entry.query)).map((entry) => ({ ...entry, query: withoutDiacritics(entry.query) })),
    ...slipWords.flatMap(([need, language, word]) => slips(word).map((query) => ({ need, language, query }))),
  ];
  const seen = new Set<string>();
  return cases.filter((entry) => !seen.has(`${entry.need}\u0000${entry.query}`) && Boolean(seen.add(`${entry.need}\u0000${entry.query}`)));
}

/**
 * Everyday queries next to the roots and forms the wording families added: they must stay calm.
 * Paranoia ("vainoharha") is not stalking, persecution in one's home country not a stalker,
 * taking an opportunity not abuse, losing a job or keys not a death, a violent video game or a
 * non-violent upbringing not violence at home, a misspelt everyday word not a crisis word.
 */
export const wordingCalm: Record<Language, string[]> = {
  fi: ['vainoharha', 'vainoharhainen asiakas', 'vainoharhaisuus', 'käytti tilaisuuden hyväksi', 'poika käytti tilaisuuden hyväksi', 'hyppää junaan', 'lapsi hyppää trampoliinilla',
    'jättää lääkkeet ottamatta', 'unohtaa ottaa lääkkeensä', 'poika menetti työpaikkansa', 'menetti asuntonsa', 'menetti ajokorttinsa', 'avaimet hukkui', 'lompakko hukkui',
    'ei uskalla mennä kauppaan', 'ei uskalla lähteä ulos', 'ei syytä huoleen', 'elämisen arvoinen vanhuus', 'poika uhkaa jäädä luokalle', 'lapsen koulunkäynti', 'lemmikki kuoli',
    'lapsen kuolinpesä', 'väkivaltainen peli', 'väkivaltaiset pelit', 'nuori pelaa väkivaltaisia pelejä', 'väkivaltaiset elokuvat', 'väkivallaton kasvatus', 'väkivallattomuus',
    'surullinen elokuva', 'elämänhallinta', 'elämänhallintaryhmä', 'itsetunnon kohotus', 'järkyttävä uutinen', 'mustasukkaisuus parisuhteessa', 'raapii itseään ihottuman takia',
    'pohtii elämän tarkoitusta', 'suunnittelee eläkkeelle jäämistä', 'lukitsee oven kotona', 'muistisairas lukitsee oven', 'istuu vankilassa lukkojen takana', 'poika potkii palloa',
    'yksinäinen kaipaa seuraa', 'sydänkohtauksen jälkeinen kuntoutus', 'aivoinfarktin jälkeen kuntoutus', 'huumaava tuoksu', 'tapetointi', 'nukkuu huonosti eikä herää aamulla',
    'haluaa muuttaa pois kotoa', 'haluaa pois laitoksesta', 'lapsi riehuu kotona', 'paloturvallisuus kotona', 'palovaroitin kotiin', 'aggressiivinen lapsi',
    'aggressiivinen koira', 'pelkää hammaslääkäriä', 'kokemusasiantuntija', 'todistaja oikeudessa', 'hätämajoitus', 'lapsi pelkää pimeää'],
  sv: ['flydde förföljelse', 'förföljelse i hemlandet', 'ingen mening att söka', 'hoppa av skolan', 'hoppade av utbildningen', 'förlorade sitt jobb', 'förlorade sin bostad',
    'förlorade sin plånbok', 'vågar inte gå ut', 'bränner sig lätt i solen', 'familjevård', 'familjevårdare', 'livsmedelsbank', 'våldsamma spel', 'våldsamma filmer', 'våldsfri uppfostran', 'icke-våld',
    'svartsjuka i relationen', 'låser in cykeln', 'skakade av kyla', 'sover dåligt och vaknar trött', 'trött på jobbet', 'kristen församling', 'kristall',
    'rädd för hundar', 'skydd från regn', 'traumatisk hjärnskada', 'aggressiv hund', 'rädd för att flyga',
    'jourhavande präst', 'jourtandläkare', 'behöver prata med socialtjänsten'],
  en: ['stalling', 'lost her job', 'son lost his job', 'lost her wallet', 'lost his keys', 'my son passed his exam', 'her daughter passed the test', 'domestic help', 'domestic cleaning',
    'jump rope class', 'jumping on the bed', 'forced to sell the house', 'emergence of symptoms', 'talking therapy', 'walking group', 'no reason given', 'lost her child benefit',
    'cost cutting', 'hair cutting', 'violent video games', 'violent films', 'non-violent communication', 'nonviolent parenting', 'jealous of her sister',
    'locked out of the house', 'locks the door at night', 'emotional support', 'financial advice', 'physical therapy', 'refugees', 'refugee family', 'touched by the kindness',
    'heart attack rehabilitation', 'tired of waiting', 'poor sleep, never wake up rested', 'goodbye party', 'photos of the family', 'thinking about the future', 'safe at home',
    'home safety assessment', 'home fire safety', 'my son is aggressive', 'aggressive dog', 'fear of flying', 'scared of the dark', 'afraid of dogs', 'protection from the cold',
    'traumatic brain injury', 'burned his hand', 'threatened with eviction', 'suffering from substance abuse', 'experiencing drug abuse', 'shelter for homeless women',
    'homeless shelter for women', 'need someone to talk to about my debts', 'nobody to talk to', 'lonely at night',
    // A base of an undone ending ("battered" → "batter") must not begin other words.
    'hearing aid batteries', 'battery for a hearing aid', 'batteries', 'killer whale exhibition'],
};
