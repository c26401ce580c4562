/**
 * Test data only: services with Swedish and English texts, as the PTV import will bring them.
 * The bundled catalogue has Finnish texts only (hand-gathered sources) and no translation is
 * invented for it; these records are written for the tests and never shipped. Their
 * organisation is a real one of the catalogue (so the records validate and are searchable).
 */
import type { Catalogue, Service } from '@/utils/catalogue/schema';

/** The Swedish word every trilingual fixture service's Swedish name has. */
export const SWEDISH_QUERY = 'minnessjukdom';

export const PEER_GROUPS_SV = 'Kamratstödsgrupper för närståendevårdare till personer med minnessjukdom i Vanda och Kervo';
export const PEER_GROUPS_FI = 'Muistisairaiden omaishoitajien vertaisryhmät Vantaalla ja Keravalla';
export const PEER_GROUPS_EN = 'Peer support groups for family carers of people with a memory disorder in Vantaa and Kerava';
export const PEER_GROUPS_DESCRIPTION_SV = 'Grupperna träffas varannan vecka i Myrbacka och Kervo centrum. Där delar närståendevårdare erfarenheter och får stöd.';
export const HELPLINE_NAME_SV = 'Telefonrådgivning på svenska för anhöriga till personer med minnessjukdom';
/** Only the Finnish description: the Swedish card and note show it in Finnish, marked. */
export const HELPLINE_DESCRIPTION_FI = 'Puhelinneuvontaa ruotsiksi muistisairaan läheisille. Neuvoja arkeen, palveluihin ja jaksamiseen.';
export const ADDICTION_NAME_SV = 'Samtalsgrupp för anhöriga till personer med missbruk';
export const ADDICTION_DESCRIPTION_SV = 'Samtalsgrupp på svenska för föräldrar och partner till personer med missbruk av alkohol eller droger.';

function trilingualServices(template: Service): Service[] {
  const { email: _email, website: _website, hours: _hours, crisisHelp: _crisisHelp, ...rest } = template;
  const base: Service = { ...rest, phones: [], addresses: [], keywords: [], targetGroups: [] };
  return [
    {
      ...base,
      id: 'fixture-muisti-vertaisryhmat',
      name: PEER_GROUPS_FI,
      names: { sv: PEER_GROUPS_SV, en: PEER_GROUPS_EN },
      description: 'Ryhmät kokoontuvat joka toinen viikko Myyrmäessä ja Keravan keskustassa. Omaishoitajat jakavat kokemuksia ja saavat tukea.',
      descriptions: {
        sv: PEER_GROUPS_DESCRIPTION_SV,
        en: 'The groups meet every other week in Myyrmäki and central Kerava. Family carers share experiences and get support.',
      },
      languages: ['fi', 'sv', 'en'],
      phones: [
        {
          number: '+358401234567',
          display: '040 123 4567',
          label: 'Ryhmien ohjaaja',
          labels: { sv: 'Gruppernas ledare', en: 'Group leader' },
          hours: { kind: 'text', rules: [], holidays: 'closed', exceptions: [], text: 'tiistaisin iltapäivisin', texts: { sv: 'tisdagar på eftermiddagen' } },
        },
      ],
    },
    {
      ...base,
      id: 'fixture-muisti-puhelinneuvonta',
      name: 'Ruotsinkielinen puhelinneuvonta muistisairaan läheisille',
      names: { sv: HELPLINE_NAME_SV, en: 'Helpline in Swedish for relatives of people with a memory disorder' },
      description: HELPLINE_DESCRIPTION_FI,
      languages: ['sv'],
      phones: [{ number: '+358407654321', display: '040 765 4321', label: 'Neuvontapuhelin', hours: { kind: 'text', rules: [], holidays: 'closed', exceptions: [], text: 'arkisin aamupäivisin' } }],
    },
    {
      ...base,
      id: 'fixture-muisti-kurssit',
      name: 'Kurssit ja virkistys perheille, joissa vanhemmalla on muistisairaus',
      names: { sv: 'Kurser och rekreation för familjer där en förälder har en minnessjukdom', en: 'Courses and recreation for families where a parent has a memory disorder' },
      description: 'Viikonloppukursseja ja virkistyspäiviä koko perheelle. Lapsille oma ohjelma.',
      descriptions: { sv: 'Veckoslutskurser och rekreationsdagar för hela familjen. Barnen har ett eget program.' },
      languages: ['fi', 'sv'],
      phones: [{ number: '+358401112223', display: '040 111 2223' }],
    },
    {
      ...base,
      id: 'fixture-laheiset-samtalsgrupp',
      name: 'Keskusteluryhmä läheisille',
      names: { sv: ADDICTION_NAME_SV, en: 'Discussion group for family members' },
      description: 'Keskusteluryhmä ruotsiksi vanhemmille ja puolisoille, joiden läheinen käyttää alkoholia tai huumeita.',
      descriptions: { sv: ADDICTION_DESCRIPTION_SV, en: 'A discussion group in Swedish for parents and partners of people who misuse alcohol or drugs.' },
      languages: ['sv'],
      phones: [{ number: '+358401112224', display: '040 111 2224' }],
    },
  ];
}

/** The catalogue with the trilingual fixture services added (under its first organisation with sources). */
export function withTrilingualServices<T extends Catalogue>(catalogue: T): T {
  const copy = structuredClone(catalogue);
  const template = copy.services.find((service) => copy.organisations.some((organisation) => organisation.id === service.organisationId && organisation.sources.length > 0))!;
  return { ...copy, services: [...copy.services, ...trilingualServices(template)] };
}
