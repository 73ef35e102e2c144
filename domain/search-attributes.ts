import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes of training-day workflows, so the Web UI and `client.workflow.list()`
 * can filter training days by phase, date and organiser. Registered on the dev server at start.
 */
export const TrainingDayPhaseKey = defineSearchAttributeKey(
  'MultaqaPhase',
  SearchAttributeType.KEYWORD,
);
export const TrainingDayDateKey = defineSearchAttributeKey(
  'MultaqaEventDate',
  SearchAttributeType.DATETIME,
);
export const TrainingDayOrganiserKey = defineSearchAttributeKey(
  'MultaqaOrganiser',
  SearchAttributeType.KEYWORD,
);
export const MultaqaEventIdKey = defineSearchAttributeKey(
  'MultaqaEventId',
  SearchAttributeType.KEYWORD,
);

/** `name=Type` pairs for `temporal server start-dev --search-attribute`. */
export const SEARCH_ATTRIBUTE_DECLARATIONS: readonly string[] = [
  'MultaqaPhase=Keyword',
  'MultaqaEventDate=Datetime',
  'MultaqaOrganiser=Keyword',
  'MultaqaEventId=Keyword',
];
