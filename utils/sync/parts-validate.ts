import type { z } from 'zod';
import { formatIssues, parseCatalogue } from '../catalogue/load';
import { phoneDisplayProblem } from '../catalogue/phone-display';
import { feedVocabularySchema, serviceSchema, type Catalogue, type Service } from '../catalogue/schema';

/**
 * The catalogue schema's checks, record by record (issue 22): a catalogue that arrives in parts is
 * never whole in memory, so the checks `parseCatalogue` makes over the whole (each record's
 * schema and phone displays, unique ids, every service's organisation and categories known, a
 * source page per service, the vocabulary's service keywords naming services) are made as the
 * services stream. Together they accept exactly what `parseCatalogue` accepts (tests/unit/
 * parts-validate.test.ts compares the two).
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: 'schemaInvalid' | 'vocabularyInvalid'; detail: string };

const summary = (problems: string[]) => `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3})` : ''}`;
const invalid = (problems: string[], reason: 'schemaInvalid' | 'vocabularyInvalid' = 'schemaInvalid') => ({ ok: false as const, reason, detail: summary(problems) });

/**
 * Everything but the services: the manifest's sections and all organisations, checked by the
 * catalogue schema itself (with no services yet; the vocabulary's service keywords are checked
 * against the services at the end).
 */
export function checkBase(sections: Record<string, unknown>, organisations: unknown[]): Checked<Omit<Catalogue, 'services'>> {
  if (sections.schemaVersion !== 2) return invalid([`schemaVersion ${String(sections.schemaVersion)}: the feed in parts carries schemaVersion 2 only`]);
  const vocabulary = sections.vocabulary;
  const withoutKeywords =
    vocabulary && typeof vocabulary === 'object' && !Array.isArray(vocabulary) ? { ...sections, vocabulary: { ...vocabulary, serviceKeywords: [] } } : sections;
  const data = { ...withoutKeywords, organisations, services: [] };
  const parsed = parseCatalogue(data);
  if (!parsed.success) {
    const reason = parsed.issues.every((issue) => issue.path[0] === 'vocabulary') ? 'vocabularyInvalid' : 'schemaInvalid';
    return invalid(formatIssues(parsed.data, parsed.issues), reason);
  }
  const { services: _none, ...base } = parsed.catalogue;
  if (vocabulary !== undefined) {
    const words = feedVocabularySchema.safeParse(vocabulary);
    if (!words.success) return invalid(words.error.issues.map((issue) => `vocabulary.${issue.path.join('.')}: ${issue.message}`), 'vocabularyInvalid');
    base.vocabulary = words.data;
  }
  return { ok: true, value: base };
}

/** Checks the services part by part against the base; `finish` checks what needs every service. */
export function createServiceChecker(base: Omit<Catalogue, 'services'>) {
  const organisationIds = new Set(base.organisations.map((organisation) => organisation.id));
  const categoryIds = new Set(base.categories.map((category) => category.id));
  const serviceIds = new Set<string>();
  let position = 0;
  return {
    /** The next services in catalogue order, parsed, or the first problems (named as formatIssues names them). */
    check(records: unknown[]): Checked<Service[]> {
      const problems: string[] = [];
      const services: Service[] = [];
      for (const record of records) {
        const at = position++;
        const id = (record as { id?: unknown } | null)?.id;
        const name = `services[${at}]${typeof id === 'string' ? ` "${id}"` : ''}`;
        const parsed = serviceSchema.safeParse(record);
        if (!parsed.success) {
          problems.push(...parsed.error.issues.map((issue: z.core.$ZodIssue) => `${name}: ${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`));
          continue;
        }
        const service = parsed.data;
        if (serviceIds.has(service.id)) problems.push(`${name}: id: duplicate service id "${service.id}"`);
        serviceIds.add(service.id);
        if (!organisationIds.has(service.organisationId)) problems.push(`${name}: organisationId: unknown organisation "${service.organisationId}"`);
        service.categories.forEach((category, index) => {
          if (!categoryIds.has(category)) problems.push(`${name}: categories[${index}]: unknown category "${category}"`);
        });
        if (service.sources.length === 0) problems.push(`${name}: sources: a service needs at least one source page`);
        service.phones.forEach((phone, index) => {
          const problem = phoneDisplayProblem(phone.display, phone.number);
          if (problem) problems.push(`${name}: phones[${index}].display: ${problem}`);
        });
        services.push(service);
      }
      return problems.length > 0 ? invalid(problems) : { ok: true, value: services };
    },
    /** The vocabulary's service keywords must name services of this catalogue. */
    finish(): Checked<number> {
      const problems = (base.vocabulary?.serviceKeywords ?? []).flatMap((addition, index) =>
        serviceIds.has(addition.service) ? [] : [`vocabulary.serviceKeywords[${index}].service: unknown service "${addition.service}"`],
      );
      return problems.length > 0 ? invalid(problems, 'vocabularyInvalid') : { ok: true, value: position };
    },
  };
}
