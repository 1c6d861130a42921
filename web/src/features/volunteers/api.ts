import type {
  Activity,
  ActivityCreateInput,
  ActivityDetail,
  ActivityPage,
  CertificateCheck,
  CheckAction,
  CheckInCode,
  HoursSummary,
  RosterEntry,
  Volunteer,
  VolunteerPage,
  VolunteerRegisterInput,
  VolunteerSelfRegister,
} from '@anju/contracts';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../ui/api.ts';

export type { Activity, ActivityDetail, CertificateCheck, HoursSummary, RosterEntry, Volunteer };
export { AVAILABILITY, CHECK_IN_CODE_SECONDS, VOLUNTEER_SKILLS } from '@anju/contracts';

const KEY = ['volunteers'] as const;

/** Keeps every volunteer query fresh after a change. */
function useChange<V, T>(fn: (v: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useActivities = (page: number, pageSize: number) =>
  useQuery({
    queryKey: [...KEY, 'activities', page, pageSize],
    queryFn: () => api<ActivityPage>('/volunteers/activities', { query: { page, pageSize } }),
  });

export const useActivity = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'activity', id],
    queryFn: () => api<ActivityDetail>(`/volunteers/activities/${id}`),
  });

/** The code shown at an activity, renewed before it expires. */
export const useCheckInCode = (id: string, shown: boolean) =>
  useQuery({
    queryKey: [...KEY, 'code', id],
    queryFn: () => api<CheckInCode>(`/volunteers/activities/${id}/code`),
    enabled: shown,
    refetchInterval: 60_000,
  });

export const useCreateActivity = () =>
  useChange((body: ActivityCreateInput) =>
    api<ActivityDetail>('/volunteers/activities', { method: 'POST', body }),
  );

export const useConfirm = () =>
  useChange((v: { signupId: string; action: CheckAction }) =>
    api<RosterEntry>(`/volunteers/signups/${v.signupId}/check`, {
      method: 'POST',
      body: { action: v.action },
    }),
  );

export const useApprove = () =>
  useChange((v: { signupId: string; hours: number }) =>
    api<RosterEntry>(`/volunteers/signups/${v.signupId}/approval`, {
      method: 'POST',
      body: { hours: v.hours },
    }),
  );

export const useCorrect = () =>
  useChange((v: { recordId: string; hours: number; reason: string }) =>
    api<RosterEntry>(`/volunteers/records/${v.recordId}/correction`, {
      method: 'POST',
      body: { hours: v.hours, reason: v.reason },
    }),
  );

/** The signed-in user's registration; a 404 means they have not registered. */
export const useMyRegistration = () =>
  useQuery({ queryKey: [...KEY, 'me'], queryFn: () => api<Volunteer>('/volunteers/me'), retry: false });

export const useRegister = () =>
  useChange((body: VolunteerSelfRegister) => api<Volunteer>('/volunteers/me', { method: 'POST', body }));

export const useMyActivities = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => api<ActivityPage>('/volunteers/me/activities', { query: { pageSize: 50 } }),
    enabled,
  });

export const useSignUp = () =>
  useChange((activityId: string) =>
    api<Activity>(`/volunteers/me/activities/${activityId}/signup`, { method: 'POST' }),
  );

export const useScan = () =>
  useChange((v: { token: string; action: CheckAction }) =>
    api<Activity>('/volunteers/me/check', { method: 'POST', body: v }),
  );

export const useMyHours = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'hours'],
    queryFn: () => api<HoursSummary>('/volunteers/me/hours'),
    enabled,
  });

export const useIssueCertificate = () =>
  useChange(() => api<CertificateCheck>('/volunteers/me/certificates', { method: 'POST' }));

/** Where a certificate's PDF downloads from. */
export const certificateUrl = (serial: string) => apiUrl(`/volunteers/me/certificates/${serial}/pdf`);

/** A certificate as anyone may check it, without signing in. */
export const useVerify = (serial: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'verify', serial],
    queryFn: () => api<CertificateCheck>(`/public/volunteer-certificates/${serial}`),
    enabled: !!serial,
    retry: false,
  });

export const useVolunteers = (q: { q?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...KEY, 'people', q],
    queryFn: () => api<VolunteerPage>('/volunteers', { query: q }),
  });

/** An organizer registers a volunteer by real name on a place of their scope. */
export const useRegisterVolunteer = () =>
  useChange((body: VolunteerRegisterInput) => api<Volunteer>('/volunteers', { method: 'POST', body }));
