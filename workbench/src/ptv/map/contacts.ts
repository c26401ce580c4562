import * as z from 'zod/mini';
import type { Channel } from '@jarjestoopas/utils/catalogue/schema';
import type { PtvAddress, PtvChannel } from '../client/records';
import { tm35finToWgs84 } from './coordinates';
import { toCataloguePhone, uniquePhones } from './phones';
import { byLanguage, oneLine, preferred } from './texts';
import type { PtvDraft } from './record';

const emailCheck = z.email();
const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
};

/** "VANTAA" → "Vantaa", "HELSINGFORS" → "Helsingfors"; PTV's post offices come in capitals. */
function placeName(value: string): string {
  return value === value.toUpperCase() ? value.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase()) : value;
}

/** A visiting address (not a postal one) with WGS84 coordinates converted from TM35FIN. */
function toAddress(address: PtvAddress): PtvDraft['addresses'][number] | null {
  if (address.type === 'Postal' || address.type === 'Delivery' || !address.streetAddress) return null;
  const street = address.streetAddress;
  const streetName = preferred(byLanguage(street.street, null));
  const postOffice = preferred(byLanguage(street.postOffice, null));
  const city = postOffice ?? preferred(byLanguage(street.municipality?.name ?? [], null));
  if (!city) return null;
  const point = tm35finToWgs84(street.latitude, street.longitude);
  return {
    ...(streetName ? { street: oneLine([streetName, street.streetNumber].filter(Boolean).join(' '), 120).text } : {}),
    ...(street.postalCode && /^[0-9]{5}$/u.test(street.postalCode) ? { postalCode: street.postalCode } : {}),
    city: oneLine(placeName(city), 60).text,
    ...(point ?? {}),
  };
}

const CHANNEL_OF_TYPE: Record<string, Channel> = { ServiceLocation: 'kasvokkain', Phone: 'puhelin', WebPage: 'verkko', EChannel: 'verkko' };

/** Phones, e-mails, web pages, addresses and channel kinds from all of a service's channels. */
export function contactsOf(channels: readonly PtvChannel[], notes: string[]) {
  const phones = uniquePhones(
    channels.flatMap((channel) =>
      [...channel.phoneNumbers, ...channel.supportPhones].map((phone) => {
        const mapped = toCataloguePhone(phone);
        const kind = (phone.type ?? 'Phone').toLowerCase();
        if (!mapped && kind === 'phone') notes.push(`phone "${phone.prefixNumber ?? ''} ${phone.number ?? ''}" is not a phone number: left out`);
        return { phone: mapped, language: phone.language };
      }),
    ),
  );
  const emails = [
    ...new Set(
      channels
        .flatMap((channel) => [...channel.emails, ...channel.supportEmails])
        .map((item) => item.value.trim())
        .filter((email) => {
          const ok = emailCheck.safeParse(email).success;
          if (!ok) notes.push(`e-mail "${email}" is not an address: left out`);
          return ok;
        }),
    ),
  ];
  const webPages = [
    ...new Set(
      channels
        .flatMap((channel) => channel.webPages.map((page) => page.url?.trim() ?? ''))
        .filter((url) => {
          if (!url) return false;
          if (!isHttpUrl(url)) notes.push(`web page "${url}" is not an http(s) address: left out`);
          return isHttpUrl(url);
        }),
    ),
  ];
  const addresses = channels.flatMap((channel) => (channel.serviceChannelType === 'ServiceLocation' ? channel.addresses.flatMap((address) => toAddress(address) ?? []) : []));
  const kinds = [...new Set(channels.flatMap((channel) => CHANNEL_OF_TYPE[channel.serviceChannelType ?? ''] ?? []))];
  return { phones, emails, webPages, addresses, channels: kinds };
}
