import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Device, PhoneNumber, Routing } from '@shared/domain'
import { layoutRouting } from './layout'
import type { RoutingNodeBox } from './layout'

function phoneNumber(index: number): PhoneNumber {
  const number = `+49211555${String(index).padStart(3, '0')}`
  return { number, national: number, international: number, assignedTo: null }
}

function device(index: number, active: boolean, type: Device['type'] = 'voip'): Device {
  const base = { id: `d${index}`, userId: 'u1', name: `Device ${index}`, active }
  if (type === 'app') return { ...base, type }
  if (type === 'voip') return { ...base, type, model: null, mac: null }
  return { ...base, type, number: '+491701234567' }
}

function routing(numbers: number, extensions: number, devices: Device[], voicemail = true): Routing {
  return {
    userId: 'u1',
    telephony: true,
    numbers: Array.from({ length: numbers }, (_, index) => phoneNumber(index)),
    extensions: Array.from({ length: extensions }, (_, index) => String(20 + index)),
    devices,
    voicemail: { enabled: voicemail, timeoutSeconds: 20 },
    complete: true,
    missing: [],
    cost: { countedDevices: 0, extraDevices: 0, monthlyCost: 0 },
  }
}

const overlaps = (a: RoutingNodeBox, b: RoutingNodeBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

function overlappingPairs(nodes: RoutingNodeBox[]): string[] {
  const pairs: string[] = []
  nodes.forEach((a, i) =>
    nodes.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) pairs.push(`${a.id} / ${b.id}`)
    }),
  )
  return pairs
}

const column = (nodes: RoutingNodeBox[], kinds: RoutingNodeBox['kind'][]): RoutingNodeBox[] =>
  nodes.filter((node) => kinds.includes(node.kind))

describe('routing layout', () => {
  it('never overlaps boxes for 0–30 numbers, 0–20 extensions and 0–15 devices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        // A user has at most 20 extensions (LIMITS_MODEL.extensionsPerUser).
        fc.integer({ min: 0, max: 20 }),
        fc.array(
          fc.tuple(fc.boolean(), fc.constantFrom<Device['type']>('app', 'voip', 'mobile', 'external')),
          {
            maxLength: 15,
          },
        ),
        fc.boolean(),
        (numbers, extensions, deviceSpecs, voicemailOn) => {
          const devices = deviceSpecs.map(([active, type], index) => device(index, active, type))
          const { nodes, edges } = layoutRouting(routing(numbers, extensions, devices, voicemailOn))
          expect(overlappingPairs(nodes)).toEqual([])
          // Left to right the way a call travels: what reaches the user, the user, devices, voicemail.
          const user = nodes.find((node) => node.kind === 'user')
          const voicemail = nodes.find((node) => node.kind === 'voicemail')
          for (const node of nodes) {
            if (node.kind === 'number' || node.kind === 'extension' || node.kind === 'noSource')
              expect(node.x + node.width).toBeLessThan(user?.x ?? 0)
            if (node.kind === 'device' || node.kind === 'noDevice') {
              expect(node.x).toBeGreaterThan((user?.x ?? 0) + (user?.width ?? 0))
              expect(node.x + node.width).toBeLessThan(voicemail?.x ?? 0)
            }
          }
          // Every edge joins two boxes that exist; ids are unique.
          const ids = new Set(nodes.map((node) => node.id))
          expect(ids.size).toBe(nodes.length)
          for (const edge of edges) {
            expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('places the columns left to right the way a call travels', () => {
    const { nodes } = layoutRouting(routing(3, 2, [device(1, true), device(2, false)]))
    const sources = column(nodes, ['number', 'extension'])
    const user = nodes.find((node) => node.kind === 'user')!
    const devices = column(nodes, ['device'])
    const voicemail = nodes.find((node) => node.kind === 'voicemail')!
    for (const source of sources) expect(source.x + source.width).toBeLessThan(user.x)
    for (const item of devices) {
      expect(item.x).toBeGreaterThan(user.x + user.width)
      expect(item.x + item.width).toBeLessThan(voicemail.x)
    }
  })

  it('lists numbers before extensions, each in the routing’s order, top to bottom', () => {
    const { nodes } = layoutRouting(routing(2, 2, [device(1, true)]))
    const sources = column(nodes, ['number', 'extension'])
    expect(sources.map((node) => node.ref)).toEqual(['+49211555000', '+49211555001', '20', '21'])
    const tops = sources.map((node) => node.y)
    expect([...tops].sort((a, b) => a - b)).toEqual(tops)
  })

  it('centres the user and the voicemail on the columns', () => {
    const { nodes } = layoutRouting(
      routing(
        20,
        0,
        Array.from({ length: 10 }, (_, i) => device(i, true)),
      ),
    )
    const middle = (node: RoutingNodeBox): number => node.y + node.height / 2
    const sources = column(nodes, ['number'])
    const user = nodes.find((node) => node.kind === 'user')!
    const voicemail = nodes.find((node) => node.kind === 'voicemail')!
    const sourceMiddle = (sources[0]!.y + sources.at(-1)!.y + sources.at(-1)!.height) / 2
    expect(middle(user)).toBeCloseTo(sourceMiddle)
    expect(middle(voicemail)).toBeCloseTo(middle(user))
  })

  it('puts a crowded routing into columns side by side, in order down each column', () => {
    const devices = Array.from({ length: 15 }, (_, index) => device(index, true))
    const { nodes, width, height } = layoutRouting(routing(30, 0, devices))
    const sources = column(nodes, ['number'])
    const columns = [...new Set(sources.map((node) => node.x))]
    expect(columns).toHaveLength(3)
    // The first column holds the first numbers, top to bottom.
    const first = sources.filter((node) => node.x === columns[0])
    expect(first.map((node) => node.ref)).toEqual(sources.slice(0, first.length).map((node) => node.ref))
    expect(new Set(column(nodes, ['device']).map((node) => node.x)).size).toBe(2)
    // Wider than tall enough to be read at a zoom that fits a screen.
    expect(height).toBeLessThan(width)
  })

  it('draws placeholders for a missing number and a missing device, without edges to them', () => {
    const { nodes, edges } = layoutRouting(routing(0, 0, []))
    expect(nodes.map((node) => node.kind).sort()).toEqual(['noDevice', 'noSource', 'user', 'voicemail'])
    expect(edges.map((edge) => edge.id)).toEqual(['user->voicemail'])
  })

  it('marks inactive devices silent and the extra cost from the third counted device on', () => {
    const devices = [device(0, true, 'app'), device(1, true), device(2, false, 'mobile'), device(3, true)]
    const { nodes, edges } = layoutRouting(routing(1, 0, devices))
    const boxes = column(nodes, ['device'])
    expect(boxes.map((node) => node.extraCost)).toEqual([false, false, false, true])
    expect(boxes.map((node) => node.active)).toEqual([true, true, false, true])
    expect(edges.find((edge) => edge.target === 'device:d2')?.kind).toBe('silent')
    // Only ringing devices hand over to the voicemail.
    expect(edges.filter((edge) => edge.target === 'voicemail').map((edge) => edge.source)).toEqual([
      'device:d0',
      'device:d1',
      'device:d3',
    ])
  })

  it('draws no voicemail edge while the voicemail is off', () => {
    const { nodes, edges } = layoutRouting(routing(1, 0, [device(1, true)], false))
    expect(edges.some((edge) => edge.target === 'voicemail')).toBe(false)
    expect(nodes.find((node) => node.kind === 'voicemail')?.active).toBe(false)
  })
})
