export { trainingDayWorkflow } from './training-day';
