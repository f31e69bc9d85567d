import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { fail, ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { actorOf, requireAdmin } from '../rights'
import { parsePlanText } from '../store/planStore'
import { t } from './compareMessages'
import { comparePlans } from './compareService'

const fileNameOf = (file: string): string => path.basename(file).replace(/\.json$/i, '')

export const compareHandlers: Handlers<'plans:compare'> = {
  /**
   * Admins only. The other plan is one of the known plans (`path`) or, without a path, the one the
   * native Open dialog gives (null when cancelled or when there is no dialog, as in the bridge).
   * It is only read: never locked, migrated on disk or written.
   */
  'plans:compare': async (input, context) => {
    const refused = requireAdmin(actorOf(context))
    if (refused) return refused
    const { language } = context.session
    let file: string
    if (input.path === undefined) {
      const chosen = (await context.plans?.chooseToOpen()) ?? null
      if (chosen === null) return ok(null)
      file = path.resolve(chosen)
    } else {
      const known = ((await context.plans?.known()) ?? []).find((plan) => plan.path === input.path)
      if (!known) return fail('not_found', t(language, 'compare.notKnown'), 'path')
      file = known.path
    }
    const name = path.basename(file)
    let text: string
    try {
      text = await fsp.readFile(file, 'utf8')
    } catch {
      return fail('not_found', t(language, 'compare.unavailable', { value: name }), 'path')
    }
    const parsed = parsePlanText(text)
    const other = parsed.ok === true ? parsed.plan : parsed.ok === 'newer' ? parsed.plan : null
    if (!other) return fail('validation', t(language, 'compare.notAPlan', { value: name }), 'path')
    const current = context.store.plan
    return ok(
      comparePlans(language, current, other, {
        current: { fileName: fileNameOf(context.store.file), accountName: current.account.name },
        other: { fileName: fileNameOf(file), accountName: other.account.name, path: file },
      }),
    )
  },
}
