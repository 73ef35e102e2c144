import { z } from 'zod';
import { ProvinceSchema, SectorSchema, SingleLineTextSchema, SlugSchema } from './common';

export const CHECK_IN_METHODS = ['token', 'coordinator', 'walk-in'] as const;

/** Check-in at the door opens this long before the day starts (the attendance default). */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;

/**
 * Through what a check-in came: the association's signed link, or door staff with the
 * coordinator's API key or the CLI. Set by the edge that took it, never by its caller.
 */
export const CHECK_IN_CHANNELS = ['link', 'api', 'cli'] as const;

/** Who took a check-in, and through what. */
export const CheckedInBySchema = z
  .object({
    channel: z.enum(CHECK_IN_CHANNELS),
    /** Who: "link holder", "coordinator key", or the CLI's user name. */
    actor: z.string().min(1, 'must name who checked in').max(200, 'must name who checked in'),
  })
  .strict();
export type CheckedInBy = z.infer<typeof CheckedInBySchema>;

/** What a check-in says, whoever takes it. */
const checkInFields = {
  associationId: SlugSchema,
  attendees: z.number().int().min(1).max(50).default(1),
  method: z.enum(CHECK_IN_METHODS),
  /**
   * Door staff only: let in more people than the association booked (or an association that
   * holds no seat: waiting list, declined); those beyond the booking count as walk-ins.
   */
  admitExtra: z.boolean().optional(),
  walkIn: z
    .object({ name: SingleLineTextSchema, province: ProvinceSchema, sector: SectorSchema })
    .strict()
    .optional(),
};

/** A walk-in says who it is; an association invited does not need to. */
function walkInHasDetails(checkIn: { method: string; walkIn?: unknown }): boolean {
  return checkIn.method !== 'walk-in' || checkIn.walkIn !== undefined;
}
const WALK_IN_DETAILS = { path: ['walkIn'], message: 'a walk-in needs name, province and sector' };

/** A check-in at the door. Walk-ins carry what is known of them, since they were not invited. */
export const CheckInSchema = z
  .object(checkInFields)
  .strict()
  .refine(walkInHasDetails, WALK_IN_DETAILS);

/**
 * A check-in as the attendance workflow takes it (its update's command): with who took it and
 * the seats the association held then (absent when no booking applies), both set by the edge.
 */
export const CheckInCommandSchema = z
  .object({
    ...checkInFields,
    checkedInBy: CheckedInBySchema.optional(),
    seatsHeld: z.number().int().min(0).optional(),
  })
  .strict()
  .refine(walkInHasDetails, WALK_IN_DETAILS);

export type CheckInInput = z.input<typeof CheckInSchema>;
/** A check-in as the attendance workflow takes it: with who took it and the seats then held. */
export type CheckIn = z.infer<typeof CheckInCommandSchema>;

export interface CheckInOutcome {
  associationId: string;
  /** False when this association was already checked in: it is not counted twice. */
  counted: boolean;
  checkedInAt: string;
  attendees: number;
  /** Seats held at check-in (absent where no booking applied: walk-ins, days without invitations). */
  seatsHeld?: number;
  checkedInBy?: CheckedInBy;
}

export interface AttendanceFigures {
  checkedIn: number;
  attendees: number;
  walkIns: number;
  byProvince: Record<string, number>;
  bySector: Record<string, number>;
}
