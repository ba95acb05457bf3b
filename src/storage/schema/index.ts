export { tenants, users } from './tenants.js';
export { customers, keyDrivers, themes } from './catalog.js';
export { issues } from './issues.js';
export { surveyImports, surveyResponses } from './surveys.js';
export { rootCauses, whySessions, whySteps } from './why.js';
export { metricReadings, metrics } from './metrics.js';
export { actionPlanUpdates, actionPlans } from './action-plans.js';
export { digestRuns, digestSchedules } from './digests.js';
export {
  auditLog,
  processedEvents,
  slackInstallations,
  teamsConversationRefs,
} from './platform.js';
