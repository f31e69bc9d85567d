/**
 * `npm run web -- --data-dir DIR --port N [--language de|en] [--renderer-dir DIR]`
 * Serves the built renderer and the real backend on 127.0.0.1 for a browser (see bridge.ts).
 */
import { parseArgs } from 'node:util'
import { languages } from '../src/shared/domain'
import type { Language } from '../src/shared/domain'
import { startBridge } from './bridge'

const usage = 'Usage: tsx bridge/server.ts --data-dir DIR [--port N] [--language de|en] [--renderer-dir DIR]'

function fail(text: string): never {
  console.error(`${text}\n${usage}`)
  process.exit(2)
}

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value)

async function main(): Promise<void> {
  let values: { 'data-dir'?: string; port?: string; language?: string; 'renderer-dir'?: string }
  try {
    ;({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        language: { type: 'string', default: 'en' },
        'renderer-dir': { type: 'string' },
      },
      strict: true,
    }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  const dataDir = values['data-dir']
  if (!dataDir) fail('--data-dir is required')
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0…65535, not ${values.port}`)
  const language = values.language ?? 'en'
  if (!isLanguage(language)) fail(`--language must be de or en, not ${language}`)

  const bridge = await startBridge({
    dataDir,
    port,
    language,
    ...(values['renderer-dir'] ? { rendererDir: values['renderer-dir'] } : {}),
  })
  console.log(`Switchboard bridge: ${bridge.url}`)
  console.log(`Plan file: ${bridge.planFile}`)

  const stop = (): void => {
    bridge.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('Switchboard bridge failed to start:', error)
  process.exit(1)
})
