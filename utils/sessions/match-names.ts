import { z } from 'zod';
import type { Organisation, Site } from '../catalogue/schema';

/**
 * Tolerant matching of the names NGOs type into the booking sheet ("Pääkaupunkiseudun
 * omaishoitajat POLLI ry", "ESKOT ry Tikkurilan Klubitalo") to catalogue ids. Case, punctuation,
 * legal suffixes (ry, rf, sr) and word order do not matter; a name that is still not unique
 * or unknown is reported rather than guessed. Known odd spellings live in data/session-aliases.json.
 */

export const aliasFileSchema = z.object({
  about: z.string().optional(),
  /** Name as written in the sheet → organisation id. */
  organisations: z.record(z.string(), z.string()),
  /** Name as written in the sheet → site id. */
  sites: z.record(z.string(), z.string()),
});
export type AliasFile = z.infer<typeof aliasFileSchema>;

const LEGAL_SUFFIXES = new Set(['ry', 'rf', 'sr', 'ry.', 'r.y.']);

/** Lower-case words without punctuation or legal suffixes. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('fi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !LEGAL_SUFFIXES.has(word));
}

export function normaliseName(name: string): string {
  return nameWords(name).join(' ');
}

export type MatchResult = { id: string } | { error: string };

interface Named {
  id: string;
  names: string[];
}

function createMatcher(entries: Named[], aliases: Record<string, string>, kind: string) {
  const exact = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    const key = normaliseName(name);
    if (!key) return;
    if (!exact.has(key)) exact.set(key, new Set());
    exact.get(key)!.add(id);
  };
  for (const entry of entries) {
    for (const name of entry.names) {
      add(name, entry.id);
      // "Pääkaupunkiseudun Omaishoitajat ry (POLLI)": the name without, and the short name within.
      const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(name);
      if (bracket) {
        add(bracket[1]!, entry.id);
        add(bracket[2]!, entry.id);
      }
    }
    add(entry.id.replace(/-/g, ' '), entry.id);
  }
  const aliased = new Map(Object.entries(aliases).map(([name, id]) => [normaliseName(name), id]));
  const wordSets = entries.map((entry) => ({ id: entry.id, words: new Set(entry.names.flatMap(nameWords)) }));

  return (written: string): MatchResult => {
    const key = normaliseName(written);
    if (!key) return { error: `empty ${kind} name` };
    const alias = aliased.get(key);
    if (alias) return { id: alias };
    const hits = exact.get(key);
    if (hits?.size === 1) return { id: [...hits][0]! };
    // Every written word appears in exactly one catalogue entry's names (in any order).
    const words = nameWords(written);
    const candidates = hits && hits.size > 1 ? [...hits] : words.length >= 2 ? wordSets.filter((entry) => words.every((word) => entry.words.has(word))).map((entry) => entry.id) : [];
    if (candidates.length === 1) return { id: candidates[0]! };
    if (candidates.length > 1) {
      return { error: `${kind} "${written}" matches several (${candidates.join(', ')}): write the full name or add it to data/session-aliases.json` };
    }
    return { error: `unknown ${kind} "${written}": check the spelling, or add it to data/session-aliases.json with its id` };
  };
}

export function createOrganisationMatcher(organisations: readonly Organisation[], aliases: AliasFile) {
  const entries = organisations.map((organisation) => ({
    id: organisation.id,
    names: [organisation.name, organisation.shortName, organisation.names.sv, organisation.names.en].filter((name): name is string => Boolean(name)),
  }));
  return createMatcher(entries, aliases.organisations, 'organisation');
}

export function createSiteMatcher(sites: readonly Site[], aliases: AliasFile) {
  const entries = sites.map((site) => ({
    id: site.id,
    names: [site.name, site.names.sv, site.names.en].filter((name): name is string => Boolean(name)),
  }));
  return createMatcher(entries, aliases.sites, 'site');
}
