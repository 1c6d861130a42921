import { App, Modal, type ButtonProps, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCode, useErrorText, useFieldErrors } from './errors.ts';

/**
 * What saving a form's record does next: on success a toast and close; a stale version (409) is
 * warned and closed so the record is read again; field errors land on their fields; any other
 * error is a toast.
 */
export function useSaveOutcome(
  form: FormInstance,
  texts: { saved: string; stale: string },
  onClose: () => void,
) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  return {
    onSuccess: () => (message.success(texts.saved), onClose()),
    onError: (e: unknown) => {
      if (isCode(e, 'conflict')) return void (message.warning(texts.stale), onClose());
      if (!fieldErrors(form, e).shown) message.error(errorText(e));
    },
  };
}

/** A dialog holding one form: Save submits the form, Cancel closes, Save spins while it is saved. */
export function FormModal({
  title,
  form,
  saving,
  saveTestId,
  onClose,
  children,
}: {
  title: string;
  form: FormInstance;
  saving: boolean;
  saveTestId: string;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': saveTestId } as ButtonProps}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
