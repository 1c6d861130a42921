import type { FormInstance } from 'antd';
import { ApiError } from '../../ui/api.ts';
import { useReasonText } from '../../ui/errors.ts';

/** `members.1.idNumber` → ['members', 1, 'idNumber'], the form's name path of that field. */
export const namePath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Returns a function putting the API's per-field reasons onto the matching form fields, nested ones
 * included (`members.1.idNumber`, `person.idNumber`); it returns the reasons no field showed.
 */
export function useDetailErrors() {
  const reasonText = useReasonText();
  return (form: FormInstance, error: unknown, prefix: (string | number)[] = []): string[] => {
    if (!(error instanceof ApiError)) return [];
    const left: string[] = [];
    const fields = error.details.flatMap((d) => {
      const name = [...prefix, ...namePath(d.field)];
      if (form.getFieldInstance(name) === undefined && form.getFieldValue(name) === undefined) {
        left.push(`${d.field}: ${reasonText(d)}`);
        return [];
      }
      return [{ name, errors: [reasonText(d)] }];
    });
    form.setFields(fields);
    return left;
  };
}
