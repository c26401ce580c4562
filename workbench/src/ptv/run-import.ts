import { collectMunicipalityServices } from './collect';
import type { PtvSource } from './client/source';
import { planImport, type CurrentDraft, type ImportPlan } from './import-plan';
import { mapService } from './map/map-service';

export interface PtvImportInput {
  source: PtvSource;
  municipalities: readonly string[];
  /** The drafts of the last import, by PTV id. */
  current: ReadonlyMap<string, CurrentDraft>;
  /** Helsinki calendar date, YYYY-MM-DD. */
  today: string;
}

/** Read PTV, map every service, and plan the import against the current drafts. Stores nothing. */
export async function runPtvImport(input: PtvImportInput): Promise<ImportPlan> {
  const collected = await collectMunicipalityServices(input.source, input.municipalities);
  return planImport(
    collected.map((service) => mapService(service, { today: input.today })),
    input.current,
  );
}
