import type {
  CalendarDay,
  CalendarImportResult,
  HolidayCalendar,
  HolidayCalendarInput,
} from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';
import { uploadFile } from '../../ui/upload.ts';

export type { CalendarDay, CalendarImportResult, HolidayCalendar };

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

/** The download address of the calendar of a year in force at a place, as an Excel workbook. */
export const calendarExportUrl = (year: number, placeId: string) =>
  apiUrl('/calendar/export', { year, placeId });

export interface CalendarImport {
  file: File;
  placeId: string;
  year: number;
  version: number;
  commit: boolean;
}

/** Sends a workbook of days: checked only (a dry run), or, when `commit`, made the county's calendar. */
export function useImportCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, placeId, year, version, commit }: CalendarImport) => {
      const query = new URLSearchParams({
        placeId,
        year: String(year),
        version: String(version),
        commit: String(commit),
      });
      return uploadFile<CalendarImportResult>(`/calendar/import?${query}`, file, {}, () => {});
    },
    onSuccess: (result) => result.committed && client.invalidateQueries({ queryKey: KEY }),
  });
}
