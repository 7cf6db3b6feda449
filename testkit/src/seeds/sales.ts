import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';
import { DEMO_CONTACT_IDS } from './contacts.js';

/** Fixed ids of the demo pipelines, stages and deals, so tests can name them. */
export const DEMO_SALES_IDS = {
  salesPipeline: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c01',
  lead: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c11',
  qualified: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c12',
  proposal: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c13',
  won: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c14',
  partnerPipeline: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c02',
  intro: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c21',
  negotiation: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c22',
  /** Ever Technologies' website redesign, Qualified. */
  websiteDeal: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c31',
  /** Acme Retail's point-of-sale rollout, in Proposal. */
  posDeal: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c32',
  /** Bright Horizons' pilot, a Lead. */
  pilotDeal: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c33',
  /** A reseller agreement without a client, in the partnerships pipeline. */
  resellerDeal: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c34',
} as const;

/**
 * Demo rows for the sales pack (Gauzy's demo seed has pipelines with stages and deals for its clients): a
 * "Sales" pipeline with four stages and three deals for the demo contacts, and a "Partnerships" pipeline with two
 * stages and one deal without a client.
 */
export function seedSalesDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId, createdByUserId: info.users.superAdmin.id };
  const ids = DEMO_SALES_IDS;
  const pipelines = [
    { id: ids.salesPipeline, name: 'Sales', description: 'New business', stages: [[ids.lead, 'Lead'], [ids.qualified, 'Qualified'], [ids.proposal, 'Proposal'], [ids.won, 'Won']] },
    { id: ids.partnerPipeline, name: 'Partnerships', description: null, stages: [[ids.intro, 'Intro'], [ids.negotiation, 'Negotiation']] },
  ] as const;
  for (const { stages, ...pipeline } of pipelines) {
    insertEntity(store, 'pipeline', pipeline, scope);
    stages.forEach(([id, name], position) => insertEntity(store, 'pipelineStage', { id, name, description: null, index: position + 1, pipelineId: pipeline.id }, scope));
  }
  const deals = [
    { id: ids.websiteDeal, title: 'Website redesign', probability: 3, stageId: ids.qualified, clientId: DEMO_CONTACT_IDS.everTechnologies },
    { id: ids.posDeal, title: 'Point-of-sale rollout', probability: 4, stageId: ids.proposal, clientId: DEMO_CONTACT_IDS.acmeRetail },
    { id: ids.pilotDeal, title: 'Mobile app pilot', probability: 1, stageId: ids.lead, clientId: DEMO_CONTACT_IDS.brightLead },
    { id: ids.resellerDeal, title: 'Reseller agreement', probability: 2, stageId: ids.intro, clientId: null },
  ];
  for (const deal of deals) insertEntity(store, 'deal', deal, scope);
}
