import * as fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Real temp folders under the OS temp dir; `cleanup` removes every one made through it. */
export function tempDirs(): { make(label?: string): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = []
  return {
    async make(label = 'store') {
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `switchboard-${label}-`))
      made.push(dir)
      return dir
    },
    async cleanup() {
      for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true })
    },
  }
}

/** Names in `dir` that look like temp files (`*.tmp`). */
export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await fsp.readdir(dir)).filter((name) => name.endsWith('.tmp'))
}
