import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { revealPerson, type RevealField } from '../api.ts';

interface Props {
  personId: string;
  field: RevealField;
  masked: string | null;
  canReveal: boolean;
}

/**
 * A masked identifier with a button showing it in full. The full value is kept in this component
 * only, so it is gone when the user leaves the page; the server audits every reveal.
 */
export function RevealValue({ personId, field, masked, canReveal }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [value, setValue] = useState<string | null>();
  const [busy, setBusy] = useState(false);
  if (masked === null) return <>—</>;
  const reveal = async () => {
    setBusy(true);
    try {
      setValue((await revealPerson(personId, field)).value);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4} wrap>
      <code data-testid={`person-${field}`}>{value ?? masked}</code>
      {canReveal && value === undefined && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          loading={busy}
          onClick={reveal}
          data-testid={`reveal-${field}`}
        >
          {t('registry.reveal')}
        </Button>
      )}
    </Space>
  );
}
