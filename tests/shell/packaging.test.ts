import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './buildOutput'

/** `npm run dist` runs `electron-builder --config electron.builder.yml`. */
const BUILDER_CONFIG = path.join(ROOT, 'electron.builder.yml')

// electron-builder's own loader and schema validation (app-builder-lib, the package electron-builder
// runs), so a misspelt option or fuse fails here and not on a release machine.
const requireFromBuilder = createRequire(
  createRequire(path.join(ROOT, 'package.json')).resolve('electron-builder'),
)

interface BuilderConfig {
  appId?: string
  productName?: string
  asar?: boolean
  directories?: { buildResources?: string }
  files?: (string | { filter?: string[] })[]
  electronFuses?: Record<string, boolean>
  linux?: { target?: string[]; category?: string; maintainer?: string }
  win?: { target?: string[] }
  mac?: { target?: string[] }
}

const { getConfig, validateConfiguration } = requireFromBuilder(
  'app-builder-lib/out/util/config/config.js',
) as {
  getConfig: (
    projectDir: string,
    configPath: string | null,
    configFromOptions: null,
  ) => Promise<BuilderConfig>
  validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>
}
const { DebugLogger } = requireFromBuilder('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown
}

describe('electron.builder.yml', () => {
  it('is the file `npm run dist` passes to electron-builder and matches its schema', async () => {
    const config = await getConfig(ROOT, BUILDER_CONFIG, null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.appId).toBe('de.switchboard.app')
    expect(config.productName).toBe('Switchboard')
    expect(config.directories?.buildResources).toBe('resources')
    expect(config.asar).toBe(true)
  })

  it('the schema check does catch a misspelt fuse', async () => {
    const config = await getConfig(ROOT, BUILDER_CONFIG, null)
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/electronFuses/)
  })

  it('sets the fuses of RELIABILITY.md 13', async () => {
    const { electronFuses } = await getConfig(ROOT, BUILDER_CONFIG, null)
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packages only the build, package.json and the window icon — no sources, bridge or tests', async () => {
    const { files } = await getConfig(ROOT, BUILDER_CONFIG, null)
    const patterns = (files ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    )
    const included = patterns.filter((pattern) => !pattern.startsWith('!'))
    expect(included.sort()).toEqual(['out/**', 'package.json', 'resources/icon.png'])
    for (const pattern of included) expect(pattern).not.toMatch(/^(src|bridge|tests|e2e|scripts)\b|^\*\*/)
  })

  it('builds AppImage and deb, NSIS and dmg', async () => {
    const { linux, win, mac } = await getConfig(ROOT, BUILDER_CONFIG, null)
    expect(linux?.target).toEqual(['AppImage', 'deb'])
    expect(linux?.category).toBe('Office')
    expect(linux?.maintainer).toMatch(/\S+ <\S+@\S+>/)
    expect(win?.target).toEqual(['nsis'])
    expect(mac?.target).toEqual(['dmg'])
  })
})

describe('app icon', () => {
  it('is a 512×512 PNG with its SVG source', () => {
    const png = readFileSync(path.join(ROOT, 'resources', 'icon.png'))
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    const svg = readFileSync(path.join(ROOT, 'resources', 'icon.svg'), 'utf8')
    expect(svg).toMatch(/<svg[^>]+viewBox="0 0 512 512"/)
  })
})
