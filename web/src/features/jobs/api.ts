import type {
  Application,
  ApplyInput,
  Candidate,
  EnterpriseStaff,
  Hire,
  Interview,
  Job,
  JobBoard,
  JobConsentInput,
  JobCreateInput,
  JobMatch,
  JobPage,
  JobUpdateInput,
  RecommendInput,
  StaffLinkInput,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export type { Application, Candidate, Job, JobBoard };
export { APPLICATION_STATUSES, COMMON_SKILLS, HIRE_KINDS } from '@anju/contracts';

const JOBS = ['jobs'] as const;

export const useJobs = (q: { status?: string; q?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...JOBS, 'list', q],
    queryFn: () => api<JobPage>('/jobs', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useJob = (id: string) =>
  useQuery({ queryKey: [...JOBS, 'one', id], queryFn: () => api<Job>(`/jobs/${id}`) });

export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...JOBS, 'candidates', id],
    queryFn: () => api<Candidate[]>(`/jobs/${id}/candidates`),
    enabled,
  });

export const useApplicants = (id: string) =>
  useQuery({
    queryKey: [...JOBS, 'applications', id],
    queryFn: () => api<Application[]>(`/jobs/${id}/applications`),
  });

/** Posts a job (no id) or changes one from the version read. */
export function useSaveJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: JobCreateInput | JobUpdateInput }) =>
      v.id
        ? api<Job>(`/jobs/${v.id}`, { method: 'PATCH', body: v.body })
        : api<Job>('/jobs', { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: JOBS }),
  });
}

/** An official recommends a person for a job; the employer sees it once the person agrees. */
export function useRecommend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, ...body }: RecommendInput & { jobId: string }) =>
      api<Application>(`/jobs/${jobId}/recommendations`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: JOBS }),
  });
}

/** The open jobs best for one person, each with its score's parts. */
export const usePersonJobs = (personId: string) =>
  useQuery({
    queryKey: [...JOBS, 'for-person', personId],
    queryFn: () => api<JobMatch[]>(`/jobs/for-person/${personId}`),
  });

type Step =
  | { step: 'consent'; body: JobConsentInput }
  | { step: 'interview'; body: Interview }
  | { step: 'hire'; body: Hire }
  | { step: 'reject'; body: { version: number } };

/** One step on an application: consent recorded on the person's behalf, interview, hire or reject. */
export function useApplicationStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string } & Step) =>
      api<Application>(`/job-applications/${v.id}/${v.step}`, { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: JOBS }),
  });
}

export const useStaff = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: [...JOBS, 'staff', enterpriseId],
    queryFn: () => api<EnterpriseStaff[]>('/jobs/staff', { query: { enterpriseId } }),
    enabled: !!enterpriseId,
  });

export function useLinkStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffLinkInput) => api<EnterpriseStaff[]>('/jobs/staff', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...JOBS, 'staff'] }),
  });
}

export function useUnlinkStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { userId: string; enterpriseId: string }) =>
      api<EnterpriseStaff[]>(`/jobs/staff/${v.userId}`, {
        method: 'DELETE',
        query: { enterpriseId: v.enterpriseId },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...JOBS, 'staff'] }),
  });
}

const BOARD = ['job-board'] as const;

export const useJobBoard = (personId: string | undefined) =>
  useQuery({
    queryKey: [...BOARD, personId],
    queryFn: () => api<JobBoard>('/job-board', { query: { personId } }),
    placeholderData: keepPreviousData,
  });

export const useMyApplications = () =>
  useQuery({
    queryKey: [...BOARD, 'applications'],
    queryFn: () => api<Application[]>('/job-board/applications'),
  });

export function useApply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyInput) => api<Application>('/job-board/applications', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: BOARD }),
  });
}

type Answer =
  | { step: 'consent'; body: JobConsentInput }
  | { step: 'withdraw'; body: { version: number } }
  | { step: 'phone'; body: { showPhone: boolean; version: number } };

/** The person's own answer: agree to a recommendation, withdraw, or let the employer see the phone. */
export function useAnswer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string } & Answer) =>
      api<Application>(`/job-board/applications/${v.id}/${v.step}`, { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: BOARD }),
  });
}
