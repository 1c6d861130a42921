import type {
  AttendanceInput,
  CompletionInput,
  Course,
  CourseCreateInput,
  CourseDetail,
  CoursePage,
  CourseQueryInput,
  CourseUpdate,
  DictionaryEntry,
  Enrolment,
  PersonTraining,
} from '@anju/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api.ts';

export type { Course, CourseDetail, Enrolment, PersonTraining };
export { CERTIFICATE_KINDS } from '@anju/contracts';

const TRAINING = ['training'] as const;

export const useCourses = (q: CourseQueryInput & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...TRAINING, 'list', q],
    queryFn: () => api<CoursePage>('/training/courses', { query: q }),
    placeholderData: keepPreviousData,
  });

export const useCourse = (id: string) =>
  useQuery({
    queryKey: [...TRAINING, 'course', id],
    queryFn: () => api<CourseDetail>(`/training/courses/${id}`),
  });

/** The courses the members of a household took. */
export const useHouseholdTrainings = (householdId: string) =>
  useQuery({
    queryKey: [...TRAINING, 'household', householdId],
    queryFn: () => api<PersonTraining[]>(`/households/${householdId}/trainings`),
  });

/** The training kinds with labels in the UI language. */
export function useTrainingKinds() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['dictionary', 'training_kind'],
    queryFn: () => api<DictionaryEntry[]>('/dictionaries/training_kind'),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith('en');
  const kinds = query.data ?? [];
  const label = (code: string) => {
    const e = kinds.find((d) => d.code === code);
    return e ? (english ? e.labelEn : e.labelZh) : code;
  };
  return { ...query, label, options: kinds.map((d) => ({ value: d.code, label: label(d.code) })) };
}

/** Offers a course (no id) or changes one from the version read. */
export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: CourseCreateInput | CourseUpdate }) =>
      v.id
        ? api<CourseDetail>(`/training/courses/${v.id}`, { method: 'PATCH', body: v.body })
        : api<CourseDetail>('/training/courses', { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: TRAINING }),
  });
}

export function useEnrol(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) =>
      api<CourseDetail>(`/training/courses/${courseId}/enrolments`, { method: 'POST', body: { personId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: TRAINING }),
  });
}

export function useSaveAttendance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: AttendanceInput }) =>
      api<Enrolment>(`/training/enrolments/${v.id}/attendance`, { method: 'PUT', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: TRAINING }),
  });
}

export function useComplete() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: CompletionInput }) =>
      api<Enrolment>(`/training/enrolments/${v.id}/completion`, { method: 'POST', body: v.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: TRAINING }),
  });
}
