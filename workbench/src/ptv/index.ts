/** The PTV import core: what the workbench CLI, database and review layers call. */
export { createPtvV11Source, PTV_V11_DEFAULT_BASE, type PtvV11Options } from './client/v11';
export { PtvSourceError, type PtvSource } from './client/source';
export { collectMunicipalityServices, type CollectedService } from './collect';
export { mapService, NGO_ORGANISATION_TYPE, type MappedService, type MapOptions } from './map/map-service';
export { ptvDraftSchema, type PtvDraft } from './map/record';
export { planImport, summarise, type CurrentDraft, type ImportPlan, type ImportSummary, type PlannedService } from './import-plan';
export { diffFields, type FieldChange } from './diff';
export { runPtvImport, type PtvImportInput } from './run-import';
