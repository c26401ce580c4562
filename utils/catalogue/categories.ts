import type { Category } from './schema';

/**
 * Service categories of the Uusimaa NGO handbook (Uudenmaan järjestökäsikirja), with stable
 * ids. Swedish and English labels are ours; the Finnish ones follow the handbook.
 */
export const HANDBOOK_CATEGORIES: Category[] = [
  { id: 'arjen-apu', group: 'life-situation', names: { fi: 'Arjen apu', sv: 'Hjälp i vardagen', en: 'Everyday help' } },
  { id: 'etsiva-ja-loytava-tyo', group: 'life-situation', names: { fi: 'Etsivä ja löytävä työ', sv: 'Uppsökande arbete', en: 'Outreach work' } },
  { id: 'matalan-kynnyksen-neuvonta', group: 'life-situation', names: { fi: 'Matalan kynnyksen neuvonta', sv: 'Lågtröskelrådgivning', en: 'Low-threshold advice' } },
  { id: 'keskusteluapu', group: 'life-situation', names: { fi: 'Keskusteluapu', sv: 'Samtalsstöd', en: 'Someone to talk to' } },
  { id: 'kriisiauttaminen', group: 'life-situation', names: { fi: 'Kriisiauttaminen', sv: 'Krishjälp', en: 'Crisis help' } },
  { id: 'tukihenkilotoiminta', group: 'life-situation', names: { fi: 'Tukihenkilötoiminta', sv: 'Stödpersonsverksamhet', en: 'Support persons' } },
  { id: 'vertaistuki', group: 'life-situation', names: { fi: 'Vertaistuki', sv: 'Kamratstöd', en: 'Peer support' } },
  { id: 'kotoutumisen-tuki', group: 'life-situation', names: { fi: 'Kotoutumisen tuki', sv: 'Integrationsstöd', en: 'Integration support' } },
  { id: 'vakivaltatyo', group: 'life-situation', names: { fi: 'Väkivaltatyö', sv: 'Arbete mot våld', en: 'Violence work' } },
  { id: 'yleishyodylliset-sote-palvelut', group: 'life-situation', names: { fi: 'Yleishyödylliset sote-palvelut', sv: 'Allmännyttiga social- och hälsotjänster', en: 'Non-profit social and health services' } },
  { id: 'avoimet-kohtaamispaikat', group: 'participation', names: { fi: 'Avoimet kohtaamispaikat', sv: 'Öppna mötesplatser', en: 'Open meeting places' } },
  { id: 'vertaistoiminta', group: 'participation', names: { fi: 'Vertaistoiminta', sv: 'Kamratverksamhet', en: 'Peer activities' } },
  { id: 'toimintakykya-tukevat-ryhmat', group: 'participation', names: { fi: 'Toimintakykyä tukevat ryhmät', sv: 'Grupper som stöder funktionsförmågan', en: 'Groups supporting functional ability' } },
  { id: 'virkistystoiminta', group: 'participation', names: { fi: 'Virkistystoiminta', sv: 'Rekreation', en: 'Recreation and trips' } },
  { id: 'harraste-kulttuuri-liikunta', group: 'participation', names: { fi: 'Harraste-, kulttuuri- ja liikuntatoiminta', sv: 'Hobby, kultur och motion', en: 'Hobbies, culture and exercise' } },
  { id: 'kansalaistaitojen-vahvistaminen', group: 'participation', names: { fi: 'Kansalaistaitojen vahvistaminen', sv: 'Stärkta medborgarfärdigheter', en: 'Everyday skills' } },
  { id: 'vapaaehtoistoiminta', group: 'participation', names: { fi: 'Vapaaehtoistoiminta', sv: 'Frivilligverksamhet', en: 'Volunteering' } },
  { id: 'asiantuntijuus', group: 'expertise', names: { fi: 'Asiantuntijuus ammattilaisille', sv: 'Expertis för yrkesfolk', en: 'Expertise for professionals' } },
];
