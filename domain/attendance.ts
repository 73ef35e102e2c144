import { z } from 'zod';
import { ProvinceSchema, SectorSchema, SingleLineTextSchema, SlugSchema } from './common';

export const CHECK_IN_METHODS = ['token', 'coordinator', 'walk-in'] as const;

/** Check-in at the door opens this long before the day starts (the attendance default). */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;

/** A check-in at the door. Walk-ins carry what is known of them, since they were not invited. */
export const CheckInSchema = z
  .object({
    associationId: SlugSchema,
    attendees: z.number().int().min(1).max(50).default(1),
    method: z.enum(CHECK_IN_METHODS),
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
export type CheckIn = z.infer<typeof CheckInSchema>;

export interface CheckInOutcome {
  associationId: string;
  /** False when this association was already checked in: it is not counted twice. */
  counted: boolean;
  checkedInAt: string;
  attendees: number;
}

export interface AttendanceFigures {
  checkedIn: number;
  attendees: number;
  walkIns: number;
  byProvince: Record<string, number>;
  bySector: Record<string, number>;
}
