import { z } from 'zod';
import { endpointUrlSchema } from '../net/endpoint-url';

/** Stored report settings, repaired field by field like the preferences. */
export const reportSettingsSchema = z
  .object({ reportUrl: z.optional(endpointUrlSchema).catch(undefined) })
  .catch({});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export function readReportSettings(stored: unknown): ReportSettings {
  return reportSettingsSchema.parse(stored);
}
