import type { CalendarDay, HolidayCalendar, HolidayCalendarInput } from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export type { CalendarDay, HolidayCalendar };

const KEY = ['calendar'] as const;

/** The calendar of a year in force at the user's own place (a county admin's county). */
export const useCalendar = (year: number) =>
  useQuery({
    queryKey: [...KEY, year],
    queryFn: () => api<HolidayCalendar>('/calendar', { query: { year } }),
  });

/** Saves the county's own calendar of the year whole, at the version read. */
export function useSaveCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<HolidayCalendarInput, 'source'> & { source?: string }) =>
      api<HolidayCalendar>('/calendar', { method: 'PUT', body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
