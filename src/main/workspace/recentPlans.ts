import path from 'node:path'
import { z } from 'zod'
import { DurableTextFile } from '../store/durableTextFile'

/** How many recent plans are kept (newest first). */
export const MAX_RECENT = 10

export interface RecentPlan {
  /** Absolute path of the plan file. */
  path: string
  /** ISO time it was last opened. */
  openedAt: string
}

const recentFileSchema = z.object({
  version: z.literal(1),
  plans: z.array(z.object({ path: z.string().min(1).max(4096), openedAt: z.iso.datetime() })),
})

/**
 * The recent plans list: `recent-plans.json` in the data folder, written atomically. A missing,
 * unreadable or malformed file reads as an empty list (the app never fails to start over it), and
 * the next `remember` writes a good one.
 */
export class RecentPlans {
  private readonly file: DurableTextFile

  constructor(readonly filename: string) {
    this.file = new DurableTextFile(filename)
  }

  async list(): Promise<RecentPlan[]> {
    let text: string | null
    try {
      text = await this.file.read()
    } catch {
      return []
    }
    if (text === null) return []
    let document: unknown
    try {
      document = JSON.parse(text)
    } catch {
      return []
    }
    const parsed = recentFileSchema.safeParse(document)
    if (!parsed.success) return []
    const seen = new Set<string>()
    const plans: RecentPlan[] = []
    for (const entry of parsed.data.plans) {
      if (!path.isAbsolute(entry.path) || seen.has(entry.path)) continue
      seen.add(entry.path)
      plans.push({ path: entry.path, openedAt: entry.openedAt })
      if (plans.length === MAX_RECENT) break
    }
    return plans
  }

  /** Puts `planPath` first (opened at `at`), keeps at most MAX_RECENT entries. */
  async remember(planPath: string, at: Date): Promise<RecentPlan[]> {
    const rest = (await this.list()).filter((entry) => entry.path !== planPath)
    const plans = [{ path: planPath, openedAt: at.toISOString() }, ...rest].slice(0, MAX_RECENT)
    await this.file.write(`${JSON.stringify({ version: 1, plans }, null, 2)}\n`)
    return plans
  }
}
