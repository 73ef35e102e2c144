const DAY_MS = 86_400_000;
/** Far enough ahead that the example's RSVP deadline (three days before the day) is to come. */
const DAYS_AHEAD = 21;

/**
 * What `npm start` suggests trying first: the Safi example moved to a date to come, so that its
 * invitations really go out (created as it is, the 2018 day is recorded as held and sends
 * nothing).
 */
export function startHint(nowMs: number): string[] {
  const date = new Date(nowMs + DAYS_AHEAD * DAY_MS).toISOString().slice(0, 10);
  return [
    `Try the Safi example on a date to come (its invitations go out to the example associations):`,
    `  npx multaqa associations import examples/associations.csv`,
    `  npx multaqa event create --file examples/safi-2018-11-23.json --date ${date}`,
    `  npx multaqa event status safi-2018-11-23`,
  ];
}
