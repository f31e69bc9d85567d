import type { ImportRowView, ImportSummary } from '../../shared/csv'
import type { Result } from '../../shared/result'
import { createBackendWith } from '../backend'
import type { Backend } from '../backend'
import { Session } from '../session'
import { expectData, openTestPlan } from '../testing/planFixture'

/* The CSV tests' way to reach main: a backend on a temp default plan, files sent as the renderer sends them. */

export async function testBackend(): Promise<Backend> {
  const store = await openTestPlan('switchboard-csv-')
  return createBackendWith(store, new Session('en'))
}

/** Sends a file as the renderer does: base64 parts, the last one with `done`. */
export async function upload(
  backend: Backend,
  bytes: Buffer,
  partSize = 64 * 1024,
): Promise<Result<unknown>> {
  let importId: string | null = null
  for (let start = 0; ; start += partSize) {
    const done = start + partSize >= bytes.length
    const result = await backend.call('csv:importUpload', {
      importId,
      fileName: 'test.csv',
      chunk: bytes.subarray(start, start + partSize).toString('base64'),
      done,
    })
    if (!result.ok || done) return result
    importId = (result.data as { importId: string }).importId
  }
}

export async function review(
  backend: Backend,
  bytes: Buffer,
): Promise<{ summary: ImportSummary; rows: ImportRowView[] }> {
  const { summary } = expectData<{ summary: ImportSummary }>(await upload(backend, bytes))
  const { items } = expectData<{ items: ImportRowView[] }>(
    await backend.call('csv:importRows', { importId: summary.importId, limit: 500 }),
  )
  return { summary, rows: items }
}
