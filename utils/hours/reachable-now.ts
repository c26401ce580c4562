import { contactsOf } from '../catalogue/contacts';
import type { Organisation, Service } from '../catalogue/schema';
import { isOpenNow } from './open-now';

/** For the "auki nyt" filter: the service, or one of its phone lines, is open or on call now. */
export function reachableNow(service: Service, organisation: Organisation, now: Date): boolean {
  if (service.status !== 'active') return false;
  const contacts = contactsOf(service, organisation);
  return [contacts.hours, ...contacts.phones.map((phone) => phone.hours)].some((hours) => isOpenNow(hours, now));
}
