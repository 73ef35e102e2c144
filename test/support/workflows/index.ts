// Test-only workflows, bundled by the tests that use them; never part of workflows/index.ts.
export { mailCampaignWorkflow } from './mail-campaign';
