import type { Audience } from '@jarjestoopas/utils/catalogue/schema';
import targetGroups from './ptv-target-groups.json' with { type: 'json' };

interface PtvCodeEntry {
  code: string;
  uri: string;
  fi: string;
  sv: string;
  en: string;
}

const TARGET_GROUPS = new Map<string, PtvCodeEntry>(targetGroups.codes.map((entry) => [entry.code, entry]));

export const targetGroupByCode = (code: string) => TARGET_GROUPS.get(code);

/**
 * PTV service classes (ptvserclass2) → handbook categories (utils/catalogue/categories.ts).
 * Only classes whose meaning is one handbook category are listed; a service with none of them
 * gets no category and the maintainer picks one when accepting the draft.
 */
const CATEGORY_OF_CLASS: Record<string, string> = {
  'P4.12': 'vertaistuki', // Sosiaalipalvelujen vertais- ja vapaaehtoistoiminta
  'P5.16': 'vertaistuki', // Terveyden vertais- ja vapaaehtoistoiminta
  'P10.8': 'vertaistuki', // Työttömien järjestöt ja vertaistuki
  'P4.13': 'matalan-kynnyksen-neuvonta', // Sosiaalipalvelujen neuvonta- ja ohjauspalvelut
  'P5.17': 'matalan-kynnyksen-neuvonta', // Terveyden ja hyvinvoinnin neuvonta- ja ohjauspalvelut
  'P15.1': 'matalan-kynnyksen-neuvonta', // Henkilön talous- ja velkaneuvonta
  'P7.4': 'matalan-kynnyksen-neuvonta', // Oikeusapu
  'P28.5': 'matalan-kynnyksen-neuvonta', // Ohjaamot sekä muut nuorten tieto-, neuvonta- ja ohjauspalvelut
  'P5.7': 'keskusteluapu', // Päihde- ja mielenterveyspalvelut
  'P19.3': 'kriisiauttaminen', // Hätänumerot ja onnettomuustilanteet
  'P4.11': 'kotoutumisen-tuki', // Kotouttaminen
  'P22.3': 'kotoutumisen-tuki', // Kielikurssit
  'P28.4': 'etsiva-ja-loytava-tyo', // Etsivä nuorisotyö
  'P4.3': 'arjen-apu', // Kotihoito ja kotipalvelut
  'P4.14': 'arjen-apu', // Sosiaalipalvelujen oheis- ja tukipalvelut
  'P28.1': 'avoimet-kohtaamispaikat', // Avoin nuorisotyö
  'P5.13': 'toimintakykya-tukevat-ryhmat', // Kuntoutus
  'P25.5': 'harraste-kulttuuri-liikunta', // Vapaa-ajan palvelut
  'P25.2': 'harraste-kulttuuri-liikunta', // Taiteet
  'P27.1': 'harraste-kulttuuri-liikunta', // Liikunta ja urheilu
  'P28.2': 'harraste-kulttuuri-liikunta', // Nuorten harrastukset ja omaehtoinen toiminta
  'P25.7': 'kansalaistaitojen-vahvistaminen', // Vapaa sivistystyö ja taidekasvatus
  'P8.4': 'vapaaehtoistoiminta', // Kansalaisjärjestöjen toiminta
};

/** PTV target groups (ptvkohderyhmat) → catalogue audiences; KR1 "Kansalaiset" (everyone) is no audience. */
const AUDIENCE_OF_TARGET_GROUP: Record<string, Audience> = {
  'KR1.1': 'ikaantyneet', // Ikäihmiset
  'KR1.2': 'lapsiperheet', // Lapset ja lapsiperheet
  'KR1.3': 'nuoret', // Nuoret
  KR3: 'ammattilaiset', // Viranomaiset
};

/** Service classes that name their audience as clearly as a target group does. */
const AUDIENCE_OF_CLASS: Record<string, Audience> = {
  P3: 'lapsiperheet', // Perheiden palvelut
  'P4.2': 'ikaantyneet', // Vanhusten palvelut
  'P4.11': 'maahanmuuttajat', // Kotouttaminen
  P22: 'maahanmuuttajat', // Maahan- ja maastamuutto
  'P5.14': 'laheiset', // Kotisairaanhoito ja omaishoito
  P28: 'nuoret', // Nuorisopalvelut
};

/** PTV sends a class's code ("P5.7"); older records may carry only its URI (…/code/P5.7). */
export function codeOf(entry: { code: string | null; uri: string | null; newUri?: string | null }): string | null {
  if (entry.code) return entry.code.trim();
  const fromUri = /\/code\/([^/]+)$/u.exec(entry.newUri ?? entry.uri ?? '');
  return fromUri ? fromUri[1]! : null;
}

const parentsOf = (code: string) => [code, ...(code.includes('.') ? [code.split('.')[0]!] : [])];

export function categoriesOf(classCodes: readonly string[]): string[] {
  return [...new Set(classCodes.flatMap((code) => CATEGORY_OF_CLASS[code] ?? []))];
}

export function audiencesOf(targetGroupCodes: readonly string[], classCodes: readonly string[]): Audience[] {
  const fromGroups = targetGroupCodes.flatMap((code) => AUDIENCE_OF_TARGET_GROUP[code] ?? []);
  const fromClasses = classCodes.flatMap((code) => parentsOf(code).flatMap((candidate) => AUDIENCE_OF_CLASS[candidate] ?? []));
  return [...new Set([...fromGroups, ...fromClasses])];
}
