import { reactive, ref, watch } from 'vue'
import type { WatchSource } from 'vue'
import type { AppError } from '@shared/result'

/**
 * Main's refusals name the field they are about (`error.field`); this keeps one message per field
 * of a form, and a general message for refusals that name no field of this form. A field's message
 * goes away as soon as the person changes that field.
 */
export function useFieldErrors<Field extends string>(fields: readonly Field[]) {
  const errors = reactive<Partial<Record<Field, string>>>({}) as Partial<Record<Field, string>>
  const general = ref<string | null>(null)

  const isField = (field: string | undefined): field is Field =>
    (fields as readonly string[]).includes(field ?? '')

  function clear(): void {
    for (const field of fields) delete errors[field]
    general.value = null
  }

  /** Shows main's refusal: at its field when the form has it, else as the general message. */
  function show(error: AppError): Field | null {
    clear()
    if (isField(error.field)) {
      errors[error.field] = error.message
      return error.field
    }
    general.value = error.message
    return null
  }

  /** Clears a field's message whenever its value changes. */
  function clearOnChange(field: Field, source: WatchSource): void {
    watch(source, () => {
      delete errors[field]
    })
  }

  return { errors, general, clear, show, clearOnChange }
}
