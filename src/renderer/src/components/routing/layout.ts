import type { Routing } from '@shared/domain'
import { extraCostIds } from './labels'

/**
 * Where each box of the routing diagram goes. Pure: the routing in, positions out, so the layout is
 * tested without a browser. Four columns, left to right, the way a call travels: the numbers and
 * extensions that reach the user, the user, the devices that ring, the voicemail that answers
 * after the timeout. Every box has a fixed size and each column is a stack with a gap, so boxes
 * never overlap; more than MAX_PER_COLUMN numbers or devices go into columns side by side, so a
 * crowded routing stays wide rather than very tall and fits the view at a readable zoom.
 */

export type RoutingNodeKind =
  'number' | 'extension' | 'noSource' | 'user' | 'device' | 'noDevice' | 'voicemail'

export interface RoutingNodeBox {
  id: string
  kind: RoutingNodeKind
  x: number
  y: number
  width: number
  height: number
  /** The number (E.164), the extension or the device id the box stands for; '' for the others. */
  ref: string
  /** Devices: rings when a call comes in. Voicemail: switched on. Otherwise true. */
  active: boolean
  /** Devices: costs the extra-device price (the third counted device and after). */
  extraCost: boolean
}

export type RoutingEdgeKind = 'reaches' | 'rings' | 'silent' | 'fallsBack'

export interface RoutingEdgeLine {
  id: string
  source: string
  target: string
  kind: RoutingEdgeKind
}

export interface RoutingLayout {
  nodes: RoutingNodeBox[]
  edges: RoutingEdgeLine[]
}

export const BOX = { width: 232, height: 64, gap: 14 } as const
export const USER_BOX = { width: 232, height: 84 } as const
/** Horizontal distance between the columns' left edges (leaves room for edges between them). */
export const COLUMN_PITCH = BOX.width + 72

/** At most this many boxes are stacked in one column; more go into further columns side by side. */
export const MAX_PER_COLUMN = 12
/** Horizontal distance between side-by-side columns of the same kind (numbers, devices). */
export const SUB_COLUMN_PITCH = BOX.width + 28

interface Grid {
  columns: number
  rows: number
}

function gridOf(count: number): Grid {
  const columns = Math.max(1, Math.ceil(count / MAX_PER_COLUMN))
  return { columns, rows: Math.ceil(count / columns) }
}

/** Top of each of `count` boxes of `height`, stacked with the gap and centred on `middle`. */
function stack(count: number, height: number, middle: number): number[] {
  const total = count * height + Math.max(0, count - 1) * BOX.gap
  const top = middle - total / 2
  return Array.from({ length: count }, (_, index) => top + index * (height + BOX.gap))
}

const columnHeight = (count: number): number => count * BOX.height + Math.max(0, count - 1) * BOX.gap

export function layoutRouting(routing: Routing): RoutingLayout & { width: number; height: number } {
  const sources: Array<{ kind: RoutingNodeKind; ref: string }> = [
    ...routing.numbers.map((number) => ({ kind: 'number' as const, ref: number.number })),
    ...routing.extensions.map((extension) => ({ kind: 'extension' as const, ref: extension })),
  ]
  if (sources.length === 0) sources.push({ kind: 'noSource', ref: '' })
  const devices: Array<{ kind: RoutingNodeKind; ref: string; active: boolean }> = routing.devices.map(
    (device) => ({ kind: 'device', ref: device.id, active: device.active }),
  )
  if (devices.length === 0) devices.push({ kind: 'noDevice', ref: '', active: false })
  const extra = extraCostIds(routing.devices)

  const sourceGrid = gridOf(sources.length)
  const deviceGrid = gridOf(devices.length)
  const height = Math.max(columnHeight(sourceGrid.rows), columnHeight(deviceGrid.rows), USER_BOX.height)
  const middle = height / 2
  const nodes: RoutingNodeBox[] = []
  const box = (
    id: string,
    kind: RoutingNodeKind,
    x: number,
    y: number,
    size: { width: number; height: number },
    ref = '',
    active = true,
    extraCost = false,
  ): RoutingNodeBox => {
    const node = { id, kind, x, y, ...size, ref, active, extraCost }
    nodes.push(node)
    return node
  }

  // Several columns of numbers fill one after the other, top to bottom; the user follows the last.
  const sourceTops = stack(sourceGrid.rows, BOX.height, middle)
  const sourceNodes = sources.map((source, index) =>
    box(
      `${source.kind}:${source.ref || index}`,
      source.kind,
      Math.floor(index / sourceGrid.rows) * SUB_COLUMN_PITCH,
      sourceTops[index % sourceGrid.rows] ?? 0,
      BOX,
      source.ref,
    ),
  )
  const userX = (sourceGrid.columns - 1) * SUB_COLUMN_PITCH + COLUMN_PITCH
  const user = box('user', 'user', userX, middle - USER_BOX.height / 2, USER_BOX)
  const deviceX = userX + COLUMN_PITCH
  const deviceTops = stack(deviceGrid.rows, BOX.height, middle)
  const deviceNodes = devices.map((device, index) =>
    box(
      `${device.kind}:${device.ref || index}`,
      device.kind,
      deviceX + Math.floor(index / deviceGrid.rows) * SUB_COLUMN_PITCH,
      deviceTops[index % deviceGrid.rows] ?? 0,
      BOX,
      device.ref,
      device.active,
      extra.has(device.ref),
    ),
  )
  const voicemail = box(
    'voicemail',
    'voicemail',
    deviceX + (deviceGrid.columns - 1) * SUB_COLUMN_PITCH + COLUMN_PITCH,
    middle - BOX.height / 2,
    BOX,
    '',
    routing.voicemail.enabled,
  )

  const edges: RoutingEdgeLine[] = []
  const line = (source: RoutingNodeBox, target: RoutingNodeBox, kind: RoutingEdgeKind): void => {
    edges.push({ id: `${source.id}->${target.id}`, source: source.id, target: target.id, kind })
  }
  for (const source of sourceNodes) if (source.kind !== 'noSource') line(source, user, 'reaches')
  for (const device of deviceNodes) {
    if (device.kind === 'noDevice') continue
    line(user, device, device.active ? 'rings' : 'silent')
  }
  if (routing.voicemail.enabled) {
    const ringing = deviceNodes.filter((device) => device.kind === 'device' && device.active)
    if (ringing.length === 0) line(user, voicemail, 'fallsBack')
    for (const device of ringing) line(device, voicemail, 'fallsBack')
  }
  return { nodes, edges, width: voicemail.x + voicemail.width, height }
}
