import type { FieldErrors } from '../../components/errors';
import type { WhatIfForm } from './form';

/** What every part of the what-if form gets: the form, a setter per field, the evaluation's field errors. */
export interface FormProps {
  form: WhatIfForm;
  set<K extends keyof WhatIfForm>(k: K, v: WhatIfForm[K]): void;
  errors: FieldErrors;
}
