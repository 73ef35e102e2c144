/** The one task queue the multaqa worker polls: workflows and activities alike. */
export const DEFAULT_TASK_QUEUE = 'multaqa';
