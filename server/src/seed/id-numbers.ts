import { checkDigit } from '@anju/contracts';

/** Births from 1 January 1900 on, counted in days. */
const EPOCH = Date.UTC(1900, 0, 1);
const DAY = 86_400_000;
const DAYS = Math.ceil((Date.UTC(2030, 0, 1) - EPOCH) / DAY);
/** Sequence numbers per region, birth date and sex: 250 of the 500 odd (or even) ones are handed out. */
const PER_DAY = 250;

const ymd = (day: number) => new Date(EPOCH + day * DAY).toISOString().slice(0, 10);

/**
 * Hands out GB 11643 ID numbers that never repeat within one generator: the sequence (digits
 * 15–17) counts up per region, birth date and sex, odd for men and even for women, scrambled so
 * consecutive people do not get consecutive numbers. A full day moves the birth to the next day.
 */
export class IdNumbers {
  private readonly used = new Map<string, Uint8Array>();

  /** `birthDate` as YYYY-MM-DD; returns the number and the birth date it carries. */
  next(region: string, birthDate: string, sex: 'male' | 'female'): { value: string; birthDate: string } {
    let counts = this.used.get(region);
    if (!counts) this.used.set(region, (counts = new Uint8Array(DAYS * 2)));
    const odd = sex === 'male' ? 1 : 0;
    let day = Math.round((Date.parse(birthDate) - EPOCH) / DAY);
    while (counts[day * 2 + odd] >= PER_DAY) day++;
    const k = counts[day * 2 + odd]++;
    // k ↦ (191k + day) mod 500 is one-to-one on 0…499 because 191 and 500 are coprime.
    const sequence = ((k * 191 + day) % 500) * 2 + odd;
    const date = ymd(day);
    const first17 = `${region}${date.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return { value: first17 + checkDigit(first17), birthDate: date };
  }
}
