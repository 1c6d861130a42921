import type { Incident } from '@anju/contracts';

/** A resident's report in plain words: where it stands, from the resident's side. */
export function plainStatus(i: Pick<Incident, 'status' | 'ratedAt'>): string {
  switch (i.status) {
    case 'dispatched':
    case 'in_progress':
      return 'handling';
    case 'replied':
    case 'verified':
      return 'answered';
    case 'closed':
      return i.ratedAt ? 'rated' : 'toRate';
    default:
      return i.status;
  }
}

export const PLAIN_COLOURS: Record<string, string> = {
  reported: 'default',
  accepted: 'blue',
  handling: 'processing',
  answered: 'cyan',
  toRate: 'orange',
  rated: 'green',
  recalled: 'default',
};
