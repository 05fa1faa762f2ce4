import { useState } from 'react';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useErrorToast } from './useErrorToast';

/**
 * The busy flag and field errors of a form that saves through one call: `submit(run)` clears the
 * old errors, and when `run` fails shows the server's field errors beside the inputs and a toast.
 */
export function useFormSubmit() {
  const { toast } = useErrorToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (run: () => Promise<void>) => {
    setBusy(true);
    setErrors({});
    try {
      await run();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      toast(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, submit };
}
