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
export interface CheckedInBy {
  channel: (typeof CHECK_IN_CHANNELS)[number];
  /** Who: "link holder", "coordinator key", or the CLI's user name. */
  actor: string;
}

/** A check-in at the door. Walk-ins carry what is known of them, since they were not invited. */
export const CheckInSchema = z
  .object({
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
  })
  .strict()
  .refine((checkIn) => checkIn.method !== 'walk-in' || checkIn.walkIn, {
    path: ['walkIn'],
    message: 'a walk-in needs name, province and sector',
  });
export type CheckInInput = z.input<typeof CheckInSchema>;
/** A check-in as the attendance workflow takes it: with who took it and the seats then held. */
export type CheckIn = z.infer<typeof CheckInSchema> & {
  checkedInBy?: CheckedInBy;
  /** Seats the association held when it checked in; absent when no booking applies. */
  seatsHeld?: number;
};

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
