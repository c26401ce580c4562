/**
 * A seeded generator of realistic synthetic catalogues, for tests and benchmarks only (it lives
 * under tests/ so it can never reach the popup bundle). The same seed and size give the same
 * catalogue byte for byte.
 *
 * What makes it realistic for search: Finnish need words in several inflected forms, compounds
 * built from a shared set of first and last parts (so "velka" + "neuvonta" and "velka" +
 * "ryhmä" both exist), organisations with several services sharing their need words, about one
 * service in eight with Swedish or English names and keywords, Swedish-speaking organisations,
 * and a few hundred place names, so the vocabulary grows with the catalogue as in real life.
 */
import { parseHoursText } from '@/utils/hours/parse';
import type { Catalogue, Organisation, Service } from '@/utils/catalogue/schema';
import { AREAS, AUDIENCES, CHANNELS, LANGUAGES } from '@/utils/catalogue/schema';

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items));
    return [...chosen];
  };
  return { next, int, pick, some, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof createRandom>;

/** A need topic: its word forms (base first, then inflections), compound first part, Swedish and English words. */
interface Topic {
  forms: string[];
  part: string;
  sv: string;
  en: string;
  audience: (typeof AUDIENCES)[number];
}

const TOPICS: Topic[] = [
  { forms: ['omaishoitaja', 'omaishoitajat', 'omaishoitajille', 'omaishoitajien', 'omaishoitajana'], part: 'omaishoito', sv: 'närståendevårdare', en: 'family carer', audience: 'laheiset' },
  { forms: ['velka', 'velat', 'velkojen', 'velkaantunut', 'veloista'], part: 'velka', sv: 'skulder', en: 'debt', audience: 'aikuiset' },
  { forms: ['päihde', 'päihteet', 'päihteiden', 'päihteistä', 'päihteitä'], part: 'päihde', sv: 'missbruk', en: 'substance abuse', audience: 'aikuiset' },
  { forms: ['muistisairaus', 'muistisairaat', 'muistisairaan', 'muistisairaille', 'muistisairauksien'], part: 'muisti', sv: 'minnessjukdom', en: 'dementia', audience: 'ikaantyneet' },
  { forms: ['mielenterveys', 'mielenterveyden', 'mielenterveysongelmat', 'mielenterveyskuntoutujat'], part: 'mielenterveys', sv: 'psykisk hälsa', en: 'mental health', audience: 'aikuiset' },
  { forms: ['yksinäisyys', 'yksinäiset', 'yksinäisille', 'yksinäisyyteen'], part: 'ystävä', sv: 'ensamhet', en: 'loneliness', audience: 'ikaantyneet' },
  { forms: ['väkivalta', 'väkivallan', 'väkivaltaa', 'lähisuhdeväkivalta', 'väkivallasta'], part: 'väkivalta', sv: 'våld', en: 'violence', audience: 'naiset' },
  { forms: ['asunnoton', 'asunnottomat', 'asunnottomille', 'asunnottomuus'], part: 'asumis', sv: 'bostadslös', en: 'homeless', audience: 'aikuiset' },
  { forms: ['nuori', 'nuoret', 'nuorille', 'nuorten', 'nuoria'], part: 'nuoriso', sv: 'unga', en: 'young people', audience: 'nuoret' },
  { forms: ['perhe', 'perheet', 'perheille', 'perheiden', 'lapsiperhe'], part: 'perhe', sv: 'familj', en: 'family', audience: 'lapsiperheet' },
  { forms: ['maahanmuuttaja', 'maahanmuuttajat', 'maahanmuuttajille', 'maahanmuuttajien'], part: 'kotoutumis', sv: 'invandrare', en: 'immigrant', audience: 'maahanmuuttajat' },
  { forms: ['diabetes', 'diabeteksen', 'diabeetikot', 'diabeetikoille'], part: 'diabetes', sv: 'diabetes', en: 'diabetes', audience: 'aikuiset' },
  { forms: ['kuulo', 'kuulovamma', 'kuulovammaiset', 'kuuron', 'huonokuuloiset'], part: 'kuulo', sv: 'hörsel', en: 'hearing', audience: 'ikaantyneet' },
  { forms: ['syöpä', 'syöpään', 'syöpäpotilaat', 'syövän'], part: 'syöpä', sv: 'cancer', en: 'cancer', audience: 'aikuiset' },
  { forms: ['sydän', 'sydämen', 'sydänsairaus', 'sydänpotilaat'], part: 'sydän', sv: 'hjärta', en: 'heart', audience: 'aikuiset' },
  { forms: ['kriisi', 'kriisissä', 'kriisit', 'kriisiin'], part: 'kriisi', sv: 'kris', en: 'crisis', audience: 'aikuiset' },
  { forms: ['peliriippuvuus', 'pelaaminen', 'rahapelit', 'pelaajille'], part: 'peli', sv: 'spelberoende', en: 'gambling', audience: 'aikuiset' },
  { forms: ['työtön', 'työttömät', 'työttömille', 'työttömyys'], part: 'työllisyys', sv: 'arbetslös', en: 'unemployed', audience: 'aikuiset' },
  { forms: ['vanhus', 'vanhukset', 'ikäihmiset', 'ikääntyneille', 'seniorit'], part: 'vanhus', sv: 'äldre', en: 'older people', audience: 'ikaantyneet' },
  { forms: ['vammainen', 'vammaiset', 'vammaisille', 'kehitysvammaiset'], part: 'vammais', sv: 'funktionsnedsättning', en: 'disability', audience: 'aikuiset' },
  { forms: ['astma', 'hengitys', 'hengityssairaat', 'keuhkosairaus'], part: 'hengitys', sv: 'astma', en: 'asthma', audience: 'aikuiset' },
  { forms: ['vanki', 'vangit', 'vankilasta', 'vapautuvat'], part: 'kriminaali', sv: 'fånge', en: 'prisoner', audience: 'aikuiset' },
  { forms: ['ruoka', 'ruoka-apu', 'ruokajakelu', 'leipäjono'], part: 'ruoka', sv: 'mathjälp', en: 'food aid', audience: 'aikuiset' },
  { forms: ['sururyhmä', 'suru', 'surevat', 'läheisensä menettäneet'], part: 'suru', sv: 'sorg', en: 'grief', audience: 'laheiset' },
  { forms: ['lapsi', 'lapset', 'lapsille', 'lasten'], part: 'lapsi', sv: 'barn', en: 'children', audience: 'lapsiperheet' },
  { forms: ['selkä', 'selkäkipu', 'selkävaivat', 'tuki- ja liikuntaelimet'], part: 'selkä', sv: 'rygg', en: 'back pain', audience: 'aikuiset' },
];

/** Last parts of compounds and the kind of help they name. */
const HEADS = [
  'neuvonta', 'tuki', 'ryhmä', 'palvelu', 'työ', 'apu', 'toiminta', 'kerho', 'puhelin', 'keskus', 'kurssi',
  'chat', 'ilta', 'leiri', 'valmennus', 'lähete', 'koti', 'olohuone', 'päivystys', 'klubi', 'piiri', 'verkosto',
];
const HEAD_WORDS = ['vertaistuki', 'keskusteluapu', 'tukihenkilö', 'neuvonta', 'ohjaus', 'kuntoutus', 'virkistys', 'harrastus', 'liikunta', 'vapaaehtoinen'];
const PLACES = [
  'Vantaa', 'Kerava', 'Tikkurila', 'Myyrmäki', 'Korso', 'Koivukylä', 'Hakunila', 'Martinlaakso', 'Hiekkaharju', 'Havukoski',
  'Savio', 'Ahjo', 'Kaleva', 'Sompio', 'Jokiniemi', 'Kivistö', 'Aviapolis', 'Pakkala', 'Länsimäki', 'Rekola', 'Ruskeasanta',
  'Espoo', 'Helsinki', 'Järvenpää', 'Tuusula', 'Nurmijärvi', 'Sipoo', 'Porvoo', 'Kirkkonummi', 'Lohja', 'Hyvinkää', 'Mäntsälä',
];
const PLACE_GENITIVE: Record<string, string> = {};
for (const place of PLACES) PLACE_GENITIVE[place] = /[aä]$/.test(place) ? `${place}n` : /o$/.test(place) ? `${place}n` : `${place}n`;
const ORG_KINDS = ['yhdistys ry', 'liitto ry', 'säätiö sr', 'seura ry', 'kilta ry', 'verkosto ry', 'keskus ry'];
const SV_ORG_KINDS = ['förening rf', 'förbund rf', 'stiftelse sr'];
const VERBS = ['tarjoaa', 'järjestää', 'ylläpitää', 'tuottaa', 'välittää'];
const CLOSINGS = [
  'Toiminta on maksutonta eikä vaadi lähetettä.',
  'Mukaan voi tulla ilman ajanvarausta.',
  'Ryhmät kokoontuvat kerran viikossa arki-iltaisin.',
  'Palvelu on luottamuksellista ja sitä voi käyttää nimettömänä.',
  'Ohjaajina toimivat koulutetut vapaaehtoiset ja ammattilaiset.',
  'Tukea saa myös puhelimitse ja chatissa.',
];
const TARGETS = ['läheiset', 'aikuiset', 'nuoret aikuiset', 'ikäihmiset', 'lapsiperheet', 'ammattilaiset', 'ruotsinkieliset', 'kaikki'];
const SV_HEADS = ['rådgivning', 'stöd', 'grupp', 'kamratstöd', 'samtalsstöd'];
const EN_HEADS = ['advice', 'support', 'group', 'peer support', 'helpline'];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A pseudo-word for place and proper names beyond the fixed list: the vocabulary keeps growing. */
function properName(random: Random): string {
  const syllables = ['ka', 'la', 'ri', 'mä', 'ko', 'su', 'vi', 'ne', 'ta', 'jo', 'ki', 'pe', 'lu', 'ho', 'sa', 'va'];
  const endings = ['nen', 'la', 'lä', 'o', 'ko', 'niemi', 'mäki', 'järvi', 'koski', 'lahti'];
  const count = 1 + random.int(2);
  let word = '';
  for (let i = 0; i < count; i++) word += random.pick(syllables);
  return capitalise(word + random.pick(endings));
}

function phone(random: Random) {
  const digits = String(100_000 + random.int(899_999));
  return { number: `+3589${digits}`, display: `09 ${digits.slice(0, 3)} ${digits.slice(3)}` };
}

function organisationFor(random: Random, ordinal: number, topics: Topic[], swedish: boolean): Organisation {
  const place = random.chance(0.7) ? random.pick(PLACES) : properName(random);
  const topic = topics[0]!;
  const name = swedish
    ? `${place} ${capitalise(topic.sv)} ${random.pick(SV_ORG_KINDS)}`
    : `${PLACE_GENITIVE[place] ?? `${place}n`} ${capitalise(topic.part)}${random.pick(ORG_KINDS)}`;
  const id = `${slug(name)}-${ordinal}`;
  const keywords = [...new Set(topics.flatMap((t) => [random.pick(t.forms), `${t.part}${random.pick(HEADS)}`]))];
  if (swedish || random.chance(0.15)) keywords.push(topic.sv, topic.en);
  return {
    id,
    name,
    names: swedish ? { sv: name } : random.chance(0.1) ? { en: `${place} ${capitalise(topic.en)} Association` } : {},
    website: `https://${slug(name).slice(0, 40)}.example.fi`,
    ...(random.chance(0.6) ? { email: `info@${slug(name).slice(0, 40)}.example.fi` } : {}),
    phones: random.chance(0.8) ? [{ ...phone(random), label: 'Toimisto' }] : [],
    addresses: [{ street: `${properName(random)}ntie ${1 + random.int(40)}`, postalCode: String(1000 + random.int(8999)).padStart(5, '0'), city: random.pick(['Vantaa', 'Kerava', 'Helsinki', 'Espoo']) }],
    keywords,
    ...(random.chance(0.3) ? { verifiedAt: '2026-09-15', verifiedBy: 'Bench', verifiedFields: ['phones' as const] } : { verifiedAt: null, verifiedFields: [] }),
    sources: [`https://${slug(name).slice(0, 40)}.example.fi/yhteystiedot`],
  };
}

function serviceFor(random: Random, organisation: Organisation, topics: Topic[], ordinal: number, categories: string[]): Service {
  const topic = random.chance(0.75) ? topics[0]! : random.pick(topics);
  const head = random.pick(HEADS);
  const compound = `${topic.part}${head}`;
  const place = random.chance(0.5) ? random.pick(PLACES) : properName(random);
  const name = random.chance(0.5) ? `${capitalise(compound)} ${place}` : `${capitalise(random.pick(HEAD_WORDS))} ${random.pick(topic.forms.slice(1))}`;
  const bilingual = random.chance(0.125);
  const other = random.pick(TOPICS);
  const description = [
    `${organisation.name} ${random.pick(VERBS)} ${random.pick(HEAD_WORDS)}a ${random.pick(topic.forms.slice(1))} ${place === 'Vantaa' ? 'Vantaalla' : `alueella ${place}`}.`,
    `${capitalise(compound)} auttaa, kun ${random.pick(topic.forms)} tai ${random.pick(other.forms)} ${random.pick(['huolettaa', 'kuormittaa', 'askarruttaa'])}.`,
    random.pick(CLOSINGS),
  ].join(' ');
  return {
    id: `${organisation.id}-palvelu-${ordinal}`,
    organisationId: organisation.id,
    name,
    names: bilingual ? (random.chance(0.5) ? { sv: `${capitalise(topic.sv)} ${random.pick(SV_HEADS)}` } : { en: `${capitalise(topic.en)} ${random.pick(EN_HEADS)}` }) : {},
    description,
    categories: random.some(categories, 1 + random.int(2)),
    targetGroups: random.some(TARGETS, 1 + random.int(2)),
    audiences: [...new Set([topic.audience, ...(random.chance(0.3) ? [random.pick(AUDIENCES)] : [])])],
    keywords: [...new Set([random.pick(topic.forms), compound, random.pick(HEAD_WORDS), ...(bilingual ? [topic.sv, topic.en] : [])])],
    languages: bilingual ? ['fi', random.chance(0.5) ? 'sv' : 'en'] : random.chance(0.05) ? random.some(LANGUAGES, 2) : [],
    channels: random.some(CHANNELS, 1 + random.int(3)),
    cost: random.pick(['free', 'fee', 'unknown'] as const),
    referral: random.pick(['none', 'required', 'unknown'] as const),
    areas: random.some(AREAS, 1 + random.int(2)),
    status: 'active',
    phones: random.chance(0.2) ? [{ ...phone(random), hours: parseHoursText('ma–pe 9–15') }] : [],
    addresses: random.chance(0.5) ? [{ street: `${place}ntie ${1 + random.int(60)}`, city: random.pick(['Vantaa', 'Kerava']) }] : [],
    ...(random.chance(0.4) ? { hours: parseHoursText('ti ja to klo 17–19') } : {}),
    ...(random.chance(0.3) ? { verifiedAt: '2026-10-01', verifiedBy: 'Bench', verifiedFields: ['phones' as const] } : { verifiedAt: null, verifiedFields: [] }),
    sources: [`${organisation.website}/palvelut/${ordinal}`],
  };
}

/** The generator's output in catalogue order: each organisation, then its services. */
function* generateEntries(size: number, seed: number, categories: Catalogue['categories']): Generator<Organisation | Service> {
  const random = createRandom(seed);
  const categoryIds = categories.map((category) => category.id);
  let organisationCount = 0;
  let serviceCount = 0;
  while (serviceCount < size) {
    const topics = random.some(TOPICS, 1 + random.int(3));
    const organisation = organisationFor(random, organisationCount++, topics, random.chance(0.08));
    yield organisation;
    const count = Math.min(1 + random.int(8), size - serviceCount);
    for (let i = 0; i < count; i++, serviceCount++) yield serviceFor(random, organisation, topics, i, categoryIds);
  }
}

const isService = (entry: Organisation | Service): entry is Service => 'organisationId' in entry;

function catalogueOf(organisations: Organisation[], services: Service[], categories: Catalogue['categories']): Catalogue {
  return {
    schemaVersion: 2,
    revision: 1,
    publishedAt: '2026-11-01T09:00:00+02:00',
    region: 'uusimaa-synteettinen',
    maintainer: { name: 'Synteettinen ylläpitäjä', email: 'yllapito@example.fi' },
    categories,
    organisations,
    services,
    sites: [],
    infoSessions: [],
  };
}

/**
 * `size` services from organisations of 1–8 services each, with the bundled catalogue's
 * categories (pass them in: the generator itself reads no files).
 */
export function generateCatalogue(size: number, seed: number, categories: Catalogue['categories']): Catalogue {
  const organisations: Organisation[] = [];
  const services: Service[] = [];
  for (const entry of generateEntries(size, seed, categories)) {
    if (isService(entry)) services.push(entry);
    else organisations.push(entry);
  }
  return catalogueOf(organisations, services, categories);
}

/**
 * The same catalogue as generateCatalogue, without holding its services: everything but the
 * services at once, the services in chunks of `chunk` as they are generated (the generator runs
 * twice, once for the organisations). For measuring the chunked packer at 100,000 services.
 */
export function generateCatalogueInChunks(size: number, seed: number, categories: Catalogue['categories'], chunk: number) {
  const organisations: Organisation[] = [];
  for (const entry of generateEntries(size, seed, categories)) if (!isService(entry)) organisations.push(entry);
  const { services: _none, ...base } = catalogueOf(organisations, [], categories);
  function* services(): Generator<Service[]> {
    let pending: Service[] = [];
    for (const entry of generateEntries(size, seed, categories)) {
      if (!isService(entry)) continue;
      pending.push(entry);
      if (pending.length === chunk) {
        yield pending;
        pending = [];
      }
    }
    if (pending.length > 0) yield pending;
  }
  return { base, services };
}

/**
 * The benchmark's fixed query mix over the generated vocabulary: single words, inflections,
 * typos, several words, Swedish and English. Keystroke prefixes are added by the bench.
 */
export const BENCH_QUERIES: Array<{ kind: string; query: string }> = [
  { kind: 'word', query: 'omaishoitaja' },
  { kind: 'word', query: 'velka' },
  { kind: 'word', query: 'päihteet' },
  { kind: 'word', query: 'muistisairaus' },
  { kind: 'word', query: 'vertaistuki' },
  { kind: 'word', query: 'kriisipuhelin' },
  { kind: 'word', query: 'asunnoton' },
  { kind: 'inflection', query: 'omaishoitajille' },
  { kind: 'inflection', query: 'velkojen' },
  { kind: 'inflection', query: 'maahanmuuttajille' },
  { kind: 'inflection', query: 'nuorille' },
  { kind: 'inflection', query: 'yksinäisille' },
  { kind: 'compound', query: 'velkaneuvonta' },
  { kind: 'compound', query: 'perheleiri' },
  { kind: 'compound', query: 'vertaistukiryhmä' },
  { kind: 'typo', query: 'omaishoitja' },
  { kind: 'typo', query: 'mielenterfeys' },
  { kind: 'typo', query: 'yksinäsyys' },
  { kind: 'typo', query: 'paihteet' },
  { kind: 'typo', query: 'väkivlata' },
  { kind: 'multiword', query: 'muistisairaan omainen tuki' },
  { kind: 'multiword', query: 'nuori päihteet vantaa' },
  { kind: 'multiword', query: 'diabetes vertaistuki kerava' },
  { kind: 'multiword', query: 'lähisuhdeväkivalta naiset' },
  { kind: 'multiword', query: 'työtön nuori aikuinen' },
  { kind: 'swedish', query: 'närståendevårdare' },
  { kind: 'swedish', query: 'missbruk stöd' },
  { kind: 'swedish', query: 'ensamhet äldre' },
  { kind: 'english', query: 'debt advice' },
  { kind: 'english', query: 'mental health support' },
  { kind: 'english', query: 'food aid' },
];
