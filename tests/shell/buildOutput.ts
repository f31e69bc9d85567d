import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Paths of the electron-vite build the shell tests read. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const OUT = path.join(ROOT, 'out')
export const MAIN_BUNDLE = path.join(OUT, 'main', 'index.js')
export const PRELOAD_BUNDLE = path.join(OUT, 'preload', 'index.cjs')
export const RENDERER_DIR = path.join(OUT, 'renderer')
export const RENDERER_INDEX = path.join(RENDERER_DIR, 'index.html')

const SOURCES = ['src/main', 'src/preload', 'src/shared', 'src/renderer', 'electron.vite.config.ts']

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/**
 * Runs `electron-vite build` when out/ is missing or older than the sources (the test runner builds
 * first, so usually this does nothing). A failed build fails the tests with its output.
 */
export function ensureBuilt(): void {
  const sources = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))))
  const outputs = [MAIN_BUNDLE, PRELOAD_BUNDLE]
  const fresh = outputs.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)
  if (fresh) return
  const electronVite = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  try {
    execFileSync(process.execPath, [electronVite, 'build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`electron-vite build failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error })
  }
}
