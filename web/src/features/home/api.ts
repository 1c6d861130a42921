import type { HomeTodo } from '@anju/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

/** The counts on the home's to-do cards, each one the user's roles have, in their scope; asked for again each time the home opens. */
export const useTodo = () =>
  useQuery({ queryKey: ['home', 'todo'], queryFn: () => api<HomeTodo>('/home/todo') });
