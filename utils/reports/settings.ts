import * as z from 'zod/mini';
import { endpointUrlSchema } from '../net/endpoint-url';

/** Stored report settings, repaired field by field like the preferences. */
const reportSettingsSchema = z.catch(z.object({ reportUrl: z.catch(z.optional(endpointUrlSchema), undefined) }), {});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export function readReportSettings(stored: unknown): ReportSettings {
  return reportSettingsSchema.parse(stored);
}
