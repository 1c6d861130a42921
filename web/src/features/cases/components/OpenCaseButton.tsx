import type { Lead, Role } from '@anju/contracts';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../ui/api.ts';
import { useErrorText } from '../../../ui/errors.ts';
import { useMe } from '../../auth/api.ts';
import { useOpenCase } from '../api.ts';

/** The community's officials open cases where the household lives (the server checks their scope). */
const OPENERS: Role[] = ['community_staff', 'grid_worker'];

/** 「立案核实」: the community opens a monitoring case from an open lead and goes to it. */
export function OpenCaseButton({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const openCase = useOpenCase();
  const me = useMe().data;
  if (lead.status !== 'open' || !me?.roles.some((r) => OPENERS.includes(r))) return null;
  const open = () =>
    openCase.mutate(lead.id, {
      onSuccess: (c) => navigate(`/monitoring/cases/${c.id}`),
      onError: (error) => {
        // the household has a live case already: go to it
        const other =
          error instanceof ApiError && /^already case (\d+)$/.exec(error.details[0]?.reason ?? '');
        if (other) {
          void message.warning(t('cases.refusal.already_case', { id: other[1] }));
          void navigate(`/monitoring/cases/${other[1]}`);
        } else void message.error(errorText(error));
      },
    });
  return (
    <Button size="small" type="link" loading={openCase.isPending} onClick={open} data-testid="case-open">
      {t('cases.open')}
    </Button>
  );
}
